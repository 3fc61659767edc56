import { and, eq, sql } from "drizzle-orm";
import { admitAndEnqueue } from "@/lib/admission/admit-analyses";
import { queueAnalysisEndedMail } from "@/lib/analyses/analysis-ended-mail";
import { cancelEffect } from "@/lib/analyses/analysis-lifecycle";
import type { AnalysisStatus } from "@/lib/analyses/analysis-status";
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
import { deliverMailsSoon } from "@/lib/mail/deliver-mail";

type CancelBy = { by: "user"; userId: string } | { by: "admin"; actorId: string; reason: string };

/**
 * What a cancel did, said the same way to scripts (`POST /api/analyses/:id/cancel`) and pages:
 * ended at once, stop requested from the worker, or nothing because the analysis had already
 * ended — and then how, and what it cost.
 */
export type CancelAnswer = {
  outcome:
    | "cancelled"
    | "stop_requested"
    | "already_finished"
    | "already_failed"
    | "already_cancelled"
    | "already_expired";
  message: string;
};

/**
 * design.md "Cancel": quoted/queued → cancelled at once (a queued hold is released); running →
 * `cancel_requested_at` is set and the worker ends it at its next check. Terminal: no-op, and
 * the answer says how it had ended (a cancel that arrives after the finish changes nothing).
 */
export async function cancelAnalysis(input: {
  userId: string;
  analysisId: string;
}): Promise<{ analysis: AnalysisView; cancel: CancelAnswer }> {
  const from = await requestCancel(input.analysisId, { by: "user", userId: input.userId });
  const analysis = await getAnalysisView(input);
  return { analysis, cancel: cancelAnswer(from, analysis) };
}

/** "1 credit was", "7 credits were". */
const creditsWere = (n: number) => (n === 1 ? "1 credit was" : `${n} credits were`);

/** The answer for a cancel that found the analysis in `from` and left it as `analysis`. */
export function cancelAnswer(
  from: AnalysisStatus,
  analysis: Pick<AnalysisView, "status" | "priceCredits" | "cancelledBy" | "cancelReason">,
): CancelAnswer {
  const credits = creditsWere(analysis.priceCredits);
  switch (from) {
    case "quoted":
      return { outcome: "cancelled", message: "Cancelled. Nothing was held or charged." };
    case "queued":
      return { outcome: "cancelled", message: `Cancelled: your ${credits} released.` };
    case "running":
      return {
        outcome: "stop_requested",
        message: `Stopping at the worker's next check (a few seconds): your credits will be released. If it finishes first, the memo is kept and charged.`,
      };
    case "succeeded":
      return {
        outcome: "already_finished",
        message: `It finished before your cancel reached it: the memo is ready and ${credits} charged.`,
      };
    case "failed":
      return {
        outcome: "already_failed",
        message: `It had already failed before your cancel reached it: your ${credits} released and nothing was charged.`,
      };
    case "cancelled":
      return {
        outcome: "already_cancelled",
        message:
          analysis.cancelledBy === "admin"
            ? `Our team had already cancelled it${analysis.cancelReason ? `: ${analysis.cancelReason}` : ""}. Your ${credits} released.`
            : `It was already cancelled: your ${credits} released.`,
      };
    case "expired":
      return {
        outcome: "already_expired",
        message: "The quote had already expired: nothing was held or charged.",
      };
  }
}

/** An admin cancels anyone's analysis, with a reason, written to the audit log. */
export async function cancelAnalysisAsAdmin(input: {
  actorId: string;
  analysisId: string;
  reason: string;
}): Promise<void> {
  await requestCancel(input.analysisId, { by: "admin", ...input });
}

/** Cancels as `who` asks; answers the status the analysis was in when the cancel reached it. */
async function requestCancel(analysisId: string, who: CancelBy): Promise<AnalysisStatus> {
  const message =
    who.by === "user"
      ? "Cancelled by you. Nothing was charged."
      : "Cancelled by an administrator. Nothing was charged.";
  const { from, releasedFor, mailed } = await db.transaction(async (tx) => {
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
    // The reason travels with the request so the worker that ends the analysis can tell the owner.
    const by =
      who.by === "admin"
        ? { by: "admin", actorId: who.actorId, reason: who.reason }
        : { by: "user" };
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
      let released = 0;
      if (effect === "end_now_and_release") {
        released = (await settleHold(tx, { analysisId, settlement: "release" })).amount;
      }
      await recordEvent(tx, { analysisId, type: "cancelled", data: { from: row.status, ...by } });
      // The owner did not ask for this one: they are told why, with the mail of any ending.
      const mailed =
        who.by === "admin" && effect === "end_now_and_release"
          ? await queueAnalysisEndedMail(tx, analysisId, {
              outcome: "cancelled_by_admin",
              reason: who.reason,
              releasedCredits: released,
            })
          : false;
      return {
        from: row.status,
        releasedFor: effect === "end_now_and_release" ? row.userId : null,
        mailed,
      };
    }
    if (effect === "request_stop" && !row.cancelRequestedAt) {
      await tx
        .update(analyses)
        .set({ cancelRequestedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(analyses.id, analysisId));
      await recordEvent(tx, { analysisId, type: "cancel_requested", data: by });
    }
    return { from: row.status, releasedFor: null, mailed: false };
  });
  if (mailed) deliverMailsSoon();

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
  return from;
}
