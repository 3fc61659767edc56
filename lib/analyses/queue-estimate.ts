/**
 * Where a queued analysis stands and when it should start (design.md "Admission"). Pure
 * arithmetic: lib/analyses/get-queue-position.ts reads the counts and measurements.
 */

/** Why there is (or is not) an estimate. */
export type QueueEstimateBasis =
  /** From the median duration of recently succeeded analyses and the live workers' capacity. */
  | "measured"
  /** Nothing has finished recently: no duration to go by. */
  | "no_measurement"
  /** No worker has a fresh heartbeat: it starts when one is running again. */
  | "no_worker";

export type QueuePosition = {
  /** This user's unfinished analyses ahead of it: running ones plus queued ones confirmed earlier. */
  yoursAhead: number;
  /** Admitted: handed to the workers' line (FIFO), waiting only for a free worker. */
  admitted: boolean;
  /** Admitted analyses of all users ahead of it in the workers' line; null until admitted. */
  aheadInLine: number | null;
  /** Estimated seconds until a worker starts it; null when there is no basis for one. */
  startsInSeconds: number | null;
  basis: QueueEstimateBasis;
};

export type QueueEstimateInput = {
  admitted: boolean;
  yoursAhead: number;
  aheadInLine: number | null;
  /** The user's active limit (activeLimitOf); null = no per-user limit. */
  limit: number | null;
  /** Σ WORKER_CONCURRENCY of the live workers. */
  capacity: number;
  /** Median seconds from start to finish of recent analyses; null when none finished lately. */
  typicalSeconds: number | null;
};

/**
 * Seconds until it starts. Work in progress is on average half done, so the first wave ends
 * after half a typical duration and each later wave after a whole one.
 * - Not admitted (a limit applies): it waits for its own user's slots. With `yoursAhead` ahead
 *   and `limit` slots, `yoursAhead − limit + 1` of them must finish first, `limit` per round:
 *   ceil((yoursAhead − limit + 1) / limit) rounds.
 * - Admitted (or no limit): it waits for the line ahead of it to drain through the workers:
 *   floor(aheadInLine / capacity) whole waves after the running one.
 */
export function estimateQueueStart(input: QueueEstimateInput): {
  startsInSeconds: number | null;
  basis: QueueEstimateBasis;
} {
  if (input.capacity <= 0) return { startsInSeconds: null, basis: "no_worker" };
  if (input.typicalSeconds === null || !(input.typicalSeconds > 0)) {
    return { startsInSeconds: null, basis: "no_measurement" };
  }
  const typical = input.typicalSeconds;
  let seconds: number;
  if (!input.admitted && input.limit !== null) {
    const mustFinish = input.yoursAhead - input.limit + 1;
    const rounds = Math.max(0, Math.ceil(mustFinish / input.limit));
    seconds = rounds === 0 ? 0 : (rounds - 0.5) * typical;
  } else {
    const line = input.aheadInLine ?? 0;
    seconds = (Math.floor(line / input.capacity) + 0.5) * typical;
  }
  return { startsInSeconds: Math.round(seconds), basis: "measured" };
}
