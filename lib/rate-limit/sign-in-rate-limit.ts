/**
 * next-auth reports a failed sign-in only as the `error` string of a URL, so a locked sign-in
 * travels as "RateLimited:<seconds>": the auth route reads it back into a 429 + Retry-After, the
 * sign-in form into "try again in N minutes". No server imports: the form uses it too.
 */
const PATTERN = /^RateLimited:(\d+)$/;

export function signInRateLimitError(retryAfterSeconds: number): string {
  return `RateLimited:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The wait in seconds of a "RateLimited:<seconds>" error, null for any other error. */
export function parseSignInRateLimit(error: string | null | undefined): number | null {
  const match = error ? PATTERN.exec(error) : null;
  return match ? Number(match[1]) : null;
}
