import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";

/** `error_code` of an analysis that failed only because our workers kept stopping under it. */
export const INFRASTRUCTURE_ERROR_CODE = "infrastructure";

export function infrastructureFailureMessage(attempts: number): string {
  const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
  return `Our workers stopped while reading this contract (${tries}). Your document may be fine; nothing was charged, and an admin can retry it for free.`;
}

export type AttemptHistory = {
  /** Attempts claimed so far (the fence counter). */
  attempts: number;
  /** Attempts that ended in an error the pipeline raised (`attempt_failed`): the document, the
   *  model or our code — anything but a worker that died, froze past its lock or lost Redis. */
  failedWithError: number;
};

/**
 * How an analysis's attempts ended, from its timeline: an attempt that raised an error leaves
 * `attempt_failed`; one whose worker vanished leaves nothing of its own (the next claim writes
 * `attempt_interrupted`, the reaper `reaped`). Read once, when the analysis is being ended.
 */
export async function readAttemptHistory(analysisId: string): Promise<AttemptHistory> {
  const [row] = await db
    .select({
      attempts: analyses.attempt,
      failedWithError: sql<number>`(select count(*)::int from analysis_events e
        where e.analysis_id = ${analysisId} and e.type = 'attempt_failed')`,
    })
    .from(analyses)
    .where(eq(analyses.id, analysisId));
  return { attempts: row?.attempts ?? 0, failedWithError: Number(row?.failedWithError ?? 0) };
}

/** True when no attempt failed with an error: every one was lost to a worker stopping. */
export const onlyWorkersFailed = (history: AttemptHistory) =>
  history.failedWithError === 0 && history.attempts > 0;

/** The admin's side of the story (error_detail): what the timeline says about the attempts. */
export function attemptHistoryDetail(history: AttemptHistory, ending: string): string {
  return `${ending} ${history.attempts} attempt(s) claimed; ${history.failedWithError} ended with an error (attempt_failed), the rest were lost to a worker that died, froze past its lock or lost Redis (attempt_interrupted / reaped in the timeline).`;
}
