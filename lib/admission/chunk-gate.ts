/**
 * Thrown by a chunk job that may not start yet (design.md "Admission": its user holds all their
 * units). The worker puts the job back, delayed by `retryInMs`, without spending an attempt.
 */
export class ChunkGatedError extends Error {
  constructor(readonly retryInMs: number) {
    super(`chunk gated by its user's admission limit; tries again in ${retryInMs} ms`);
    this.name = "ChunkGatedError";
  }
}

const BASE_MS = 500;
const CAP_MS = 10_000;

/**
 * How long a gated chunk waits before asking again. A unit frees about every (chunk time ÷
 * limit); with `waitingUnits` chunks of the user asking, each one asks less often the more there
 * are (capped), so a 300-chunk document at limit 2 is tens of checks a second, not hundreds,
 * while a freed unit is still taken within a fraction of a second. Jitter spreads the askers.
 */
export function gatedChunkDelayMs(waitingUnits: number, limit: number, random = Math.random()) {
  const rounds = Math.ceil(Math.max(1, waitingUnits) / Math.max(1, limit));
  const delay = Math.min(CAP_MS, BASE_MS * rounds);
  return Math.round(delay * (1 + random / 2));
}
