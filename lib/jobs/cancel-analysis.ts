import { and, eq, sql } from "drizzle-orm";
import { settleHold } from "@/lib/billing/settle-hold";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { cancelEffect } from "@/lib/jobs/analysis-lifecycle";
import { getReadyAnalysisQueue } from "@/lib/jobs/analysis-queue";
import type { AnalysisView } from "@/lib/jobs/analysis-view";
import { getAnalysisView } from "@/lib/jobs/get-analysis";
import { recordEvent } from "@/lib/jobs/record-event";
import { logger } from "@/lib/logger";

/**
 * design.md "Cancel": quoted/queued → cancelled at once (a queued hold is released); running →
 * `cancel_requested_at` is set and the worker ends it at its next check. Terminal: no-op.
 */
export async function cancelAnalysis(input: {
  userId: string;
  analysisId: string;
}): Promise<AnalysisView> {
  const removeFromQueue = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: analyses.status, cancelRequestedAt: analyses.cancelRequestedAt })
      .from(analyses)
      .where(and(eq(analyses.id, input.analysisId), eq(analyses.userId, input.userId)))
      .for("update");
    if (!row) throw notFound("Analysis");

    const effect = cancelEffect(row.status);
    if (effect === "end_now" || effect === "end_now_and_release") {
      await tx
        .update(analyses)
        .set({
          status: "cancelled",
          cancelRequestedAt: sql`now()`,
          finishedAt: sql`now()`,
          updatedAt: sql`now()`,
          errorMessage: "Cancelled by you. Nothing was charged.",
          errorCode: "cancelled",
        })
        .where(eq(analyses.id, input.analysisId));
      if (effect === "end_now_and_release") {
        await settleHold(tx, { analysisId: input.analysisId, settlement: "release" });
      }
      await recordEvent(tx, {
        analysisId: input.analysisId,
        type: "cancelled",
        data: { from: row.status },
      });
      return effect === "end_now_and_release";
    }
    if (effect === "request_stop" && !row.cancelRequestedAt) {
      await tx
        .update(analyses)
        .set({ cancelRequestedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(analyses.id, input.analysisId));
      await recordEvent(tx, { analysisId: input.analysisId, type: "cancel_requested" });
    }
    return false;
  });

  if (removeFromQueue) {
    // Best effort: a job left behind finds the analysis cancelled and does nothing.
    await getReadyAnalysisQueue()
      .then((queue) => queue.remove(input.analysisId))
      .catch((error: Error) => logger.debug({ err: error.message }, "queued job not removed"));
  }
  return getAnalysisView(input);
}
