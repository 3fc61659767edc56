import { AppError } from "@/lib/errors";
import { formatWait } from "@/lib/rate-limit/format-wait";

/**
 * The 429 every limit throws: `message` reads "… Try again in {wait}." with the wait filled in,
 * and `details.retryAfterSeconds` becomes the Retry-After header (`lib/http/json-route.ts`) or the form's
 * own countdown.
 */
export function rateLimitedError(message: string, retryAfterMs: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError("rate_limited", message.replace("{wait}", formatWait(retryAfterSeconds)), {
    retryAfterSeconds,
  });
}
