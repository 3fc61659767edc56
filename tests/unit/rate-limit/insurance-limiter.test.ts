import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";

type Limits = typeof import("@/lib/rate-limit/limiters");
type Consume = typeof import("@/lib/rate-limit/consume-or-throw");
type Guard = typeof import("@/lib/rate-limit/guard-sign-in");

let limits: Limits;
let consumeOrThrow: Consume["consumeOrThrow"];
let guardSignIn: Guard["guardSignIn"];

// Nothing listens on port 1: every limiter runs on its in-memory insurance limiter.
beforeAll(async () => {
  vi.stubEnv("REDIS_URL", "redis://127.0.0.1:1");
  vi.stubEnv("LOG_LEVEL", "silent");
  vi.stubEnv("RATE_LIMIT_SIGNUP_IP", "3/1h");
  vi.stubEnv("RATE_LIMIT_SIGNIN_IP", "100/1h");
  vi.stubEnv("SIGNIN_LOCKOUT_AFTER", "3");
  vi.stubEnv("SIGNIN_LOCKOUT_SECONDS", "60");
  limits = await import("@/lib/rate-limit/limiters");
  ({ consumeOrThrow } = await import("@/lib/rate-limit/consume-or-throw"));
  ({ guardSignIn } = await import("@/lib/rate-limit/guard-sign-in"));
});

afterAll(() => {
  limits.closeRateLimiters();
  vi.unstubAllEnvs();
});

async function rateLimited(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("rate_limited");
  return error as AppError;
}

describe("rate limits while Redis is unreachable", () => {
  it("keep limiting in memory: the fourth sign-up from one IP is refused with a wait", async () => {
    for (let i = 0; i < 3; i++) await consumeOrThrow("signUpIp", "198.51.100.1");
    const error = await rateLimited(consumeOrThrow("signUpIp", "198.51.100.1"));
    expect(error.retryAfterSeconds).toBeGreaterThan(3_500);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(3_600);
    expect(error.message).toBe("Too many sign-ups from your network. Try again in 1 hour.");
    // Another IP has its own budget.
    await expect(consumeOrThrow("signUpIp", "198.51.100.2")).resolves.toBeDefined();
  });

  it("lock an e-mail + IP out after the configured failures, before any password check", async () => {
    const attempt = { email: "Victim@Example.com", ip: "198.51.100.3" };
    let checks = 0;
    const wrong = async () => {
      checks += 1;
      return null;
    };
    expect(await guardSignIn(attempt, wrong)).toBeNull();
    expect(await guardSignIn(attempt, wrong)).toBeNull();
    // The third failure locks: answered as a lockout at once, for the first lockout's length.
    const locked = await rateLimited(guardSignIn(attempt, wrong));
    expect(locked.retryAfterSeconds).toBe(60);
    expect(checks).toBe(3);
    // Locked: even the right password is not checked.
    const right = async () => {
      checks += 1;
      return { id: "u1" };
    };
    const again = await rateLimited(
      guardSignIn({ ...attempt, email: "victim@example.com" }, right),
    );
    expect(again.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(checks).toBe(3);
    // The same e-mail from another IP is not locked (nobody can lock a victim out remotely).
    expect(await guardSignIn({ ...attempt, ip: "198.51.100.4" }, right)).toEqual({ id: "u1" });
  });

  it("check only as many concurrent guesses as the lockout allows, and say the lockout's wait", async () => {
    const attempt = { email: "burst@example.com", ip: "198.51.100.6" };
    let checks = 0;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        guardSignIn(attempt, async () => {
          checks += 1;
          return null;
        }),
      ),
    );
    expect(checks).toBe(3);
    const waits = outcomes.flatMap((o) =>
      o.status === "rejected" ? [(o.reason as AppError).retryAfterSeconds] : [],
    );
    expect(waits).toHaveLength(8);
    // Guesses refused before the lock was set would otherwise read the count's day-long expiry.
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(60);
  });

  it("reset the failure count on a success", async () => {
    const attempt = { email: "reset@example.com", ip: "198.51.100.5" };
    const wrong = async () => null;
    await guardSignIn(attempt, wrong);
    await guardSignIn(attempt, wrong);
    await guardSignIn(attempt, async () => ({ id: "u2" }));
    // Two more failures are fine again: the count started over.
    expect(await guardSignIn(attempt, wrong)).toBeNull();
    expect(await guardSignIn(attempt, wrong)).toBeNull();
    await rateLimited(guardSignIn(attempt, wrong));
  });
});
