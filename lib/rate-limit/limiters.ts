import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { env, type RateLimit } from "@/lib/env";
import { createRedisConnection } from "@/lib/jobs/redis-connection";

const DAY = 86_400;

/** Every limit of the app, by name. Keys are a client IP, a user id or an e-mail(+IP). */
const limits = {
  /** Sign-in attempts per client IP; a success gives its point back. */
  signInIp: env.RATE_LIMIT_SIGNIN_IP,
  /** Failed sign-ins in a row per e-mail + IP; reaching the limit locks the pair out. */
  signInFailures: { points: env.SIGNIN_LOCKOUT_AFTER, durationSeconds: DAY },
  /** How many lockouts an e-mail + IP has had: each one lasts twice as long as the last. */
  signInLockouts: { points: Number.MAX_SAFE_INTEGER, durationSeconds: 7 * DAY },
  signUpIp: env.RATE_LIMIT_SIGNUP_IP,
  uploadUser: env.RATE_LIMIT_UPLOAD_USER,
  confirmUser: env.RATE_LIMIT_CONFIRM_USER,
  /** Checkout Sessions ("Buy credits") per user. */
  checkoutUser: env.RATE_LIMIT_CHECKOUT_USER,
  /** Password-reset requests: per e-mail and per client IP. */
  passwordResetEmail: env.RATE_LIMIT_PASSWORD_RESET,
  passwordResetIp: env.RATE_LIMIT_PASSWORD_RESET,
  /** Password changes per user: each checks the current password, so this caps the guesses a
   *  stolen session can make (and the argon2 work they cost). */
  passwordChangeUser: { points: 10, durationSeconds: 3_600 },
  /** Mailed links used (verify, reset, e-mail change), per client IP. */
  authLinkIp: env.RATE_LIMIT_AUTH_LINK_IP,
  /** Mails a signed-in user can trigger (verification resend, e-mail change), per user. */
  accountMailUser: env.RATE_LIMIT_PASSWORD_RESET,
  /** Deletions of documents and analyses per user: generous for tidying up, not for a script
   *  hammering the purge. */
  deleteUser: { points: 300, durationSeconds: 3_600 },
  /** Account deletions per user: each checks the password, so this also caps guesses made
   *  with a stolen session. */
  deleteAccountUser: { points: 5, durationSeconds: 3_600 },
  /** New calendar feed URLs per user: enough to rotate after a leak, not to churn secrets. */
  calendarTokenUser: { points: 20, durationSeconds: 3_600 },
  /** Calendar feed fetches per client IP. Generous: calendar services (Google, Apple) fetch
   *  every subscriber's feed from a few shared addresses; this only stops token guessing at
   *  speed (a 256-bit secret cannot be guessed anyway) and hammering. */
  calendarFeedIp: { points: 600, durationSeconds: 3_600 },
} satisfies Record<string, RateLimit>;

export type RateLimiterName = keyof typeof limits;

type Holder = {
  redis: Redis;
  firstConnection: Promise<void>;
  limiters: Map<RateLimiterName, RateLimiterRedis>;
};
const globalForLimits = globalThis as unknown as { __clauseflowRateLimits?: Holder };

/**
 * One limiter per name for this process, counting in Redis so every web instance shares the
 * count. The connection fails fast (like the queue producer's) and while Redis is not ready each
 * limiter counts in this process's memory instead (its insurance limiter): an outage loosens the
 * limits to per-instance, it never lifts them and never makes a request wait.
 */
export function getRateLimiter(name: RateLimiterName): RateLimiterRedis {
  if (!globalForLimits.__clauseflowRateLimits) {
    const redis = createRedisConnection("producer");
    globalForLimits.__clauseflowRateLimits = {
      redis,
      firstConnection: firstOutcome(redis),
      limiters: new Map(),
    };
  }
  const holder = globalForLimits.__clauseflowRateLimits;
  let limiter = holder.limiters.get(name);
  if (!limiter) {
    const { points, durationSeconds } = limits[name];
    limiter = new RateLimiterRedis({
      storeClient: holder.redis,
      rejectIfRedisNotReady: true,
      // Under the queue prefix: test runs never share counters, and their clean-up removes them.
      keyPrefix: `${env.QUEUE_PREFIX}:rl:${name}`,
      points,
      duration: durationSeconds,
      insuranceLimiter: new RateLimiterMemory({
        keyPrefix: `rl:${name}`,
        points,
        duration: durationSeconds,
      }),
    });
    holder.limiters.set(name, limiter);
  }
  return limiter;
}

/**
 * `getRateLimiter`, but a process's first requests wait (≤ 1 s) for the new connection's first
 * outcome: counting them in memory while Redis is merely connecting would let them escape the
 * shared count. Later (an outage included) it never waits.
 */
export async function getReadyRateLimiter(name: RateLimiterName): Promise<RateLimiterRedis> {
  const limiter = getRateLimiter(name);
  const holder = globalForLimits.__clauseflowRateLimits!;
  await holder.firstConnection;
  return limiter;
}

/** Settles at the connection's first "ready" or "error", or after a second at most. */
function firstOutcome(redis: Redis): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done).off("error", done);
      resolve();
    };
    const timer = setTimeout(done, 1_000);
    redis.once("ready", done).once("error", done);
  });
}

/** For tests and scripts that end: close the limiters' Redis connection. */
export function closeRateLimiters(): void {
  globalForLimits.__clauseflowRateLimits?.redis.disconnect();
  globalForLimits.__clauseflowRateLimits = undefined;
}
