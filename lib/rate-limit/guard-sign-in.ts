import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";
import { getRateLimiter } from "@/lib/rate-limit/limiters";
import { rateLimitedError } from "@/lib/rate-limit/rate-limited-error";

const LOCKED = "Too many sign-in attempts. Try again in {wait}.";

/**
 * Runs one password check under the sign-in limits, or throws AppError("rate_limited") before
 * checking anything:
 * - per client IP, every attempt takes a point (a success gives it back), so one address cannot
 *   try passwords across many accounts;
 * - per e-mail + IP, `SIGNIN_LOCKOUT_AFTER` failures in a row lock the pair out for
 *   `SIGNIN_LOCKOUT_SECONDS`, doubled at each further lockout up to `SIGNIN_LOCKOUT_MAX_SECONDS`;
 *   a success resets both counts. Keyed with the IP so nobody can lock a victim out of their own
 *   account from elsewhere (the per-IP limit bounds a guesser spreading over accounts).
 * Points are taken before the check, so concurrent guesses cannot all slip in under the limit.
 * `check` answers whether the password was right (it may throw, e.g. for a disabled account:
 * the password was right, so that counts as a success).
 */
export async function guardSignIn<T>(
  attempt: { email: string; ip: string },
  check: () => Promise<T | null>,
): Promise<T | null> {
  const accountKey = `${attempt.email.trim().toLowerCase()}|${attempt.ip}`;
  await consumeOrThrow("signInIp", attempt.ip, { message: LOCKED });
  const failures = await consumeOrThrow("signInFailures", accountKey, { message: LOCKED }).catch(
    async (error: unknown) => {
      // A locked pair checks no password: that attempt guessed nothing, so the IP keeps its point.
      await getRateLimiter("signInIp").reward(attempt.ip);
      throw await capLockoutWait(accountKey, error);
    },
  );

  let result: T | null;
  try {
    result = await check();
  } catch (error) {
    await recordSuccess(attempt.ip, accountKey);
    throw error;
  }
  if (result !== null) {
    await recordSuccess(attempt.ip, accountKey);
    return result;
  }
  if (failures.consumedPoints >= env.SIGNIN_LOCKOUT_AFTER) {
    throw rateLimitedError(LOCKED, (await lockOut(accountKey)) * 1000);
  }
  return null;
}

/** Locks the pair out, each lockout twice as long as the one before; returns its seconds. */
async function lockOut(accountKey: string): Promise<number> {
  const lockouts = await getRateLimiter("signInLockouts").consume(accountKey);
  const seconds = lockoutSeconds(lockouts.consumedPoints);
  // The failure count itself becomes the lock: over its limit, expiring with the lockout, after
  // which the pair gets `SIGNIN_LOCKOUT_AFTER` fresh tries.
  await getRateLimiter("signInFailures").block(accountKey, seconds);
  return seconds;
}

async function recordSuccess(ip: string, accountKey: string): Promise<void> {
  await Promise.all([
    getRateLimiter("signInIp").reward(ip),
    getRateLimiter("signInFailures").delete(accountKey),
    getRateLimiter("signInLockouts").delete(accountKey),
  ]);
}

/**
 * A guess racing the one that triggers a lockout is refused by the failure count before the lock
 * has replaced that count's day-long expiry: never tell it to wait longer than the lockout.
 */
async function capLockoutWait(accountKey: string, error: unknown): Promise<unknown> {
  const seconds = error instanceof AppError ? error.retryAfterSeconds : undefined;
  if (seconds === undefined) return error;
  const lockouts = await getRateLimiter("signInLockouts").get(accountKey);
  const longest = lockoutSeconds(Math.max(1, lockouts?.consumedPoints ?? 0));
  return seconds <= longest ? error : rateLimitedError(LOCKED, longest * 1000);
}

/** The `n`th lockout's length: doubling from SIGNIN_LOCKOUT_SECONDS, capped. */
function lockoutSeconds(n: number): number {
  return Math.min(
    env.SIGNIN_LOCKOUT_SECONDS * 2 ** Math.min(n - 1, 30),
    env.SIGNIN_LOCKOUT_MAX_SECONDS,
  );
}
