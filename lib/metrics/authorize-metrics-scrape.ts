import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { matchBearerToken } from "@/lib/metrics/match-bearer-token";

/**
 * Guards `GET /api/metrics`. Without `METRICS_TOKEN` the endpoint does not exist (404): metrics
 * are opt-in, so a deployment never exposes them by accident. Otherwise the scraper must send
 * `Authorization: Bearer <METRICS_TOKEN>` (401).
 */
export function authorizeMetricsScrape(
  authorization: string | null,
  token: string | undefined = env.METRICS_TOKEN,
): void {
  if (!token) throw new AppError("not_found", "Metrics are not enabled on this server.");
  if (!matchBearerToken(authorization, token)) {
    throw new AppError("unauthenticated", "Send the metrics token as `Authorization: Bearer`.");
  }
}
