import { and, eq, sql } from "drizzle-orm";
import { admitAndEnqueue } from "@/lib/admission/admit-analyses";
import { cancelEffect } from "@/lib/analyses/analysis-lifecycle";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import { getAnalysisView } from "@/lib/analyses/get-analysis";
import { recordEvent } from "@/lib/analyses/record-event";
import { recordAdminAction } from "@/lib/audit/record-admin-action";
import { settleHold } from "@/lib/billing/settle-hold";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { getReadyAnalysisQueue } from "@/lib/jobs/analysis-queue";
import { logger } from "@/lib/logger";

type CancelBy = { by: "user"; userId: string } | { by: "admin"; actorId: string; reason: string };

/**
 * design.md "Cancel": quoted/queued → cancelled at once (a queued hold is released); running →
 * `cancel_requested_at` is set and the worker ends it at its next check. Terminal: no-op.
 */
export async function cancelAnalysis(input: {
  userId: string;
  analysisId: string;
}): Promise<AnalysisView> {
  await requestCancel(input.analysisId, { by: "user", userId: input.userId });
  return getAnalysisView(input);
}

/** An admin cancels anyone's analysis, with a reason, written to the audit log. */
export async function cancelAnalysisAsAdmin(input: {
  actorId: string;
  analysisId: string;
  reason: string;
}): Promise<void> {
  await requestCancel(input.analysisId, { by: "admin", ...input });
}

async function requestCancel(analysisId: string, who: CancelBy): Promise<void> {
  const message =
    who.by === "user"
      ? "Cancelled by you. Nothing was charged."
      : "Cancelled by an administrator. Nothing was charged.";
  const releasedFor = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        status: analyses.status,
        userId: analyses.userId,
        cancelRequestedAt: analyses.cancelRequestedAt,
      })
      .from(analyses)
      .where(
        who.by === "user"
          ? and(eq(analyses.id, analysisId), eq(analyses.userId, who.userId))
          : eq(analyses.id, analysisId),
      )
      .for("update");
    if (!row) throw notFound("Analysis");

    const effect = cancelEffect(row.status);
    if (who.by === "admin" && effect !== "none") {
      await recordAdminAction(tx, {
        actorId: who.actorId,
        kind: "cancel_analysis",
        reason: who.reason,
        targetUserId: row.userId,
        analysisId,
        data: { from: row.status },
      });
    }
    const by = who.by === "admin" ? { by: "admin", actorId: who.actorId } : { by: "user" };
    if (effect === "end_now" || effect === "end_now_and_release") {
      await tx
        .update(analyses)
        .set({
          status: "cancelled",
          cancelRequestedAt: sql`now()`,
          finishedAt: sql`now()`,
          updatedAt: sql`now()`,
          errorMessage: message,
          errorCode: "cancelled",
        })
        .where(eq(analyses.id, analysisId));
      if (effect === "end_now_and_release") {
        await settleHold(tx, { analysisId, settlement: "release" });
      }
      await recordEvent(tx, { analysisId, type: "cancelled", data: { from: row.status, ...by } });
      return effect === "end_now_and_release" ? row.userId : null;
    }
    if (effect === "request_stop" && !row.cancelRequestedAt) {
      await tx
        .update(analyses)
        .set({ cancelRequestedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(analyses.id, analysisId));
      await recordEvent(tx, { analysisId, type: "cancel_requested", data: by });
    }
    return null;
  });

  if (releasedFor) {
    // A queued analysis ended: if it was admitted, its unit is free for the user's next one.
    await admitAndEnqueue([releasedFor]).catch((error: Error) =>
      logger.warn({ err: error.message }, "admission after a cancel failed; maintenance retries"),
    );
    // Best effort: a job left behind finds the analysis cancelled and does nothing.
    await getReadyAnalysisQueue()
      .then((queue) => queue.remove(analysisId))
      .catch((error: Error) => logger.debug({ err: error.message }, "queued job not removed"));
  }
}
