import type { NextRequest } from "next/server";
import { withPublic } from "@/lib/http/json-route";
import { authorizeMetricsScrape } from "@/lib/metrics/authorize-metrics-scrape";
import { renderMetrics } from "@/lib/metrics/render-metrics";

export const dynamic = "force-dynamic";

const scrape = withPublic("/api/metrics", async ({ request }) => {
  authorizeMetricsScrape(request.headers.get("authorization"));
  const metrics = await renderMetrics();
  return new Response(metrics.body, {
    headers: { "content-type": metrics.contentType, "cache-control": "no-store" },
  });
});

/**
 * Prometheus scrape: `Authorization: Bearer $METRICS_TOKEN`; 404 while METRICS_TOKEN is unset.
 * A 401 names the scheme it wants (RFC 9110 asks every 401 for a challenge; the cookie routes
 * have no scheme to name, so only this one sets it).
 */
export async function GET(
  request: NextRequest,
  context: { params: Promise<Record<string, never>> },
) {
  const response = await scrape(request, context);
  if (response.status === 401) response.headers.set("www-authenticate", "Bearer");
  return response;
}
