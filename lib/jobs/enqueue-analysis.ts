import { recordEvent } from "@/lib/analyses/record-event";
import { db } from "@/lib/db/client";
import { analyzeJob } from "@/lib/jobs/definitions/analyze-job";
import { enqueueJobs } from "@/lib/jobs/enqueue-jobs";
import { logger } from "@/lib/logger";

/**
 * Puts a committed `queued` analysis on the queue. Never throws: if Redis is unreachable the
 * analysis stays `queued` in Postgres and the relay (worker maintenance) enqueues it later.
 * Adding a job id that already exists is a no-op in BullMQ, so calling this twice is safe.
 */
export async function enqueueAnalysis(analysisId: string): Promise<boolean> {
  try {
    await enqueueJobs(analyzeJob, [{ analysisId }]);
    await recordEvent(db, { analysisId, type: "enqueued" });
    return true;
  } catch (error) {
    logger.warn(
      { analysisId, err: (error as Error).message },
      "enqueue failed; the relay will retry",
    );
    await recordEvent(db, { analysisId, type: "enqueue_failed" }).catch(() => {});
    return false;
  }
}
