import { env } from "@/lib/env";
import { pickClientIp } from "@/lib/rate-limit/pick-client-ip";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** The requesting client's IP, trusting `TRUSTED_PROXY_COUNT` proxies (see pickClientIp). */
export function clientIp(headers: HeaderSource): string {
  const raw =
    headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  return pickClientIp(value, env.TRUSTED_PROXY_COUNT);
}
