import { RateLimiterRes } from "rate-limiter-flexible";
import { getReadyRateLimiter, type RateLimiterName } from "@/lib/rate-limit/limiters";
import { rateLimitedError } from "@/lib/rate-limit/rate-limited-error";

const messages: Partial<Record<RateLimiterName, string>> = {
  signUpIp: "Too many sign-ups from your network. Try again in {wait}.",
  uploadUser: "You've uploaded many files in a short time. Try again in {wait}.",
  confirmUser:
    "You've started many analyses in a short time. Try again in {wait} — nothing was charged.",
  checkoutUser: "You've started many purchases in a short time. Try again in {wait}.",
  passwordResetEmail: "Too many password-reset requests. Try again in {wait}.",
  passwordResetIp: "Too many password-reset requests. Try again in {wait}.",
  passwordChangeUser: "Too many password changes in a short time. Try again in {wait}.",
  authLinkIp: "Too many link attempts from your network. Try again in {wait}.",
  accountMailUser: "We've sent you several mails already. Try again in {wait}.",
  deleteUser: "You've deleted many items in a short time. Try again in {wait}.",
  deleteAccountUser: "Too many attempts to delete your account. Try again in {wait}.",
  calendarTokenUser: "You've created many calendar links in a short time. Try again in {wait}.",
  calendarFeedIp: "Too many calendar requests from your network. Try again in {wait}.",
};

/**
 * Takes one point from `key`'s budget on the named limiter, or throws AppError("rate_limited")
 * with `retryAfterSeconds` (→ 429 + Retry-After) when the budget is spent. Returns the state after
 * the point was taken.
 */
export async function consumeOrThrow(
  name: RateLimiterName,
  key: string,
  options: { message?: string; points?: number } = {},
): Promise<RateLimiterRes> {
  try {
    return await (await getReadyRateLimiter(name)).consume(key, options.points ?? 1);
  } catch (rejection) {
    // Only a RateLimiterRes means "over the limit"; both Redis and the insurance failing is a bug.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw rateLimitedError(
      options.message ?? messages[name] ?? "Too many requests. Try again in {wait}.",
      rejection.msBeforeNext,
    );
  }
}
