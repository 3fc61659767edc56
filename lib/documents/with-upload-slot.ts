import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Uploads being received or inspected, per user, in this web process. */
const inFlight = new Map<string, number>();

/**
 * Runs one upload (reading the body, inspecting, storing) if the user has fewer than
 * INSPECT_MAX_PER_USER in flight here, so one account cannot occupy every reader while others
 * wait; otherwise 429 with Retry-After. The pool's own queue bound (503) covers everyone together.
 * Per process: with several web instances each applies it (the reader pools are per process too).
 */
export async function withUploadSlot<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const held = inFlight.get(userId) ?? 0;
  if (held >= env.INSPECT_MAX_PER_USER) {
    throw new AppError(
      "rate_limited",
      `You already have ${held} uploads being read. Wait for them to finish, then upload again. Nothing was charged.`,
      { retryAfterSeconds: 3 },
    );
  }
  inFlight.set(userId, held + 1);
  try {
    return await work();
  } finally {
    const left = (inFlight.get(userId) ?? 1) - 1;
    if (left > 0) inFlight.set(userId, left);
    else inFlight.delete(userId);
  }
}
