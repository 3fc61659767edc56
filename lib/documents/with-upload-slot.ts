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
export async function withUploadSlot<T>(
  userId: string,
  work: () => Promise<T>,
  { whole = false }: { whole?: boolean } = {},
): Promise<T> {
  const held = inFlight.get(userId) ?? 0;
  // A bulk upload (up to BATCH_MAX_BYTES, plus its unpacked ZIPs) takes the user's whole
  // allowance: one at a time, and not beside single uploads, so one account's buffers stay bounded.
  const taking = whole ? env.INSPECT_MAX_PER_USER : 1;
  if (held + taking > env.INSPECT_MAX_PER_USER) {
    throw new AppError(
      "rate_limited",
      held > 0
        ? `You already have ${held === 1 ? "an upload" : `${held} uploads`} being read. Wait for ${held === 1 ? "it" : "them"} to finish, then upload again. Nothing was charged.`
        : "Uploads are busy. Wait a moment, then upload again. Nothing was charged.",
      { retryAfterSeconds: 3 },
    );
  }
  inFlight.set(userId, held + taking);
  try {
    return await work();
  } finally {
    const left = (inFlight.get(userId) ?? taking) - taking;
    if (left > 0) inFlight.set(userId, left);
    else inFlight.delete(userId);
  }
}
