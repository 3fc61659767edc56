import { and, eq, inArray, sql } from "drizzle-orm";
import { settleHold } from "@/lib/billing/settle-hold";
import { db } from "@/lib/db/client";
import { type AnalysisStatus, analyses } from "@/lib/db/schema";
import { statusesThatCanBecome } from "@/lib/jobs/analysis-lifecycle";
import { type AnalysisEventInput, recordEvent, recordEvents } from "@/lib/jobs/record-event";

/** Thrown when a newer attempt owns the analysis (or it ended): this attempt must stop writing. */
export class FencedOutError extends Error {
  constructor(analysisId: string, attempt: number) {
    super(`Attempt ${attempt} of analysis ${analysisId} is no longer current`);
    this.name = "FencedOutError";
  }
}

export type ClaimedAttempt = {
  analysisId: string;
  attempt: number;
  userId: string;
  documentId: string;
  cancelRequested: boolean;
  /** When the first attempt started (durations in logs span every attempt). */
  startedAt: Date;
};

/**
 * design.md "Claiming is fenced": `attempt = attempt + 1` hands this worker a token that every
 * later write must carry. Returns null when there is nothing to do (terminal, quoted, unknown).
 */
export async function startAttempt(
  analysisId: string,
  workerId: string,
): Promise<ClaimedAttempt | null> {
  return db.transaction(async (tx) => {
    // A claim of an analysis that is still `running` means the previous attempt never finished:
    // its worker died, froze past its lock or lost Redis. The timeline says so.
    const [before] = await tx
      .select({ status: analyses.status, attempt: analyses.attempt, workerId: analyses.workerId })
      .from(analyses)
      .where(eq(analyses.id, analysisId))
      .for("update");
    if (before?.status === "running") {
      await recordEvent(tx, {
        analysisId,
        type: "attempt_interrupted",
        attempt: before.attempt,
        workerId: before.workerId,
      });
    }
    const [row] = await tx
      .update(analyses)
      .set({
        status: "running",
        attempt: sql`${analyses.attempt} + 1`,
        startedAt: sql`coalesce(${analyses.startedAt}, now())`,
        heartbeatAt: sql`now()`,
        workerId,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(analyses.id, analysisId),
          inArray(analyses.status, statusesThatCanBecome("running")),
        ),
      )
      .returning({
        attempt: analyses.attempt,
        userId: analyses.userId,
        documentId: analyses.documentId,
        cancelRequestedAt: analyses.cancelRequestedAt,
        startedAt: analyses.startedAt,
      });
    if (!row) return null;
    await recordEvent(tx, { analysisId, type: "attempt_started", attempt: row.attempt, workerId });
    return {
      analysisId,
      attempt: row.attempt,
      userId: row.userId,
      documentId: row.documentId,
      cancelRequested: row.cancelRequestedAt !== null,
      startedAt: row.startedAt ?? new Date(),
    };
  });
}

/** SQL condition: `a` is the live attempt of a running analysis (every fenced write uses it). */
export const whereCurrentAttempt = (a: { analysisId: string; attempt: number }) =>
  and(
    eq(analyses.id, a.analysisId),
    eq(analyses.attempt, a.attempt),
    eq(analyses.status, "running"),
  );

/**
 * The parent of a chunked analysis runs again once its chunks are done: it continues the same
 * attempt (the chunks worked for it) instead of claiming a new one. Null when that attempt is
 * no longer current.
 */
export async function resumeAttempt(
  analysisId: string,
  attempt: number,
  workerId: string,
): Promise<ClaimedAttempt | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(analyses)
      .set({ workerId, heartbeatAt: sql`now()`, updatedAt: sql`now()` })
      .where(whereCurrentAttempt({ analysisId, attempt }))
      .returning({
        userId: analyses.userId,
        documentId: analyses.documentId,
        cancelRequestedAt: analyses.cancelRequestedAt,
        startedAt: analyses.startedAt,
      });
    if (!row) return null;
    await recordEvent(tx, { analysisId, type: "attempt_resumed", attempt, workerId });
    return {
      analysisId,
      attempt,
      userId: row.userId,
      documentId: row.documentId,
      cancelRequested: row.cancelRequestedAt !== null,
      startedAt: row.startedAt ?? new Date(),
    };
  });
}

/**
 * Progress and heartbeat in one indexed single-row update. Answers whether a cancel was requested;
 * throws FencedOutError when this attempt is no longer the live one.
 */
export async function reportProgress(
  a: { analysisId: string; attempt: number },
  progress?: { stepIndex: number; stepCount: number; stepName: string; percent: number },
): Promise<{ cancelRequested: boolean }> {
  const [row] = await db
    .update(analyses)
    .set({ ...(progress ?? {}), heartbeatAt: sql`now()`, updatedAt: sql`now()` })
    .where(whereCurrentAttempt(a))
    .returning({ cancelRequestedAt: analyses.cancelRequestedAt });
  if (!row) throw new FencedOutError(a.analysisId, a.attempt);
  return { cancelRequested: row.cancelRequestedAt !== null };
}

/** design.md "Finishing is one transaction": memo + result + capture + `succeeded`. */
export async function completeAttempt(
  a: { analysisId: string; attempt: number; workerId: string },
  output: { memoMarkdown: string; result: unknown; resultVersion: number; stepCount: number },
  /** Timeline entries still buffered by the worker (its steps), written in the same commit. */
  events: readonly AnalysisEventInput[] = [],
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(analyses)
      .set({
        status: "succeeded",
        memoMarkdown: output.memoMarkdown,
        result: output.result,
        resultVersion: output.resultVersion,
        stepIndex: output.stepCount,
        percent: 100,
        stepName: "Done",
        finishedAt: sql`now()`,
        heartbeatAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(whereCurrentAttempt(a))
      .returning({ id: analyses.id });
    if (!row) return false;
    await recordEvents(tx, events);
    await settleHold(tx, { analysisId: a.analysisId, settlement: "capture" });
    await recordEvent(tx, {
      analysisId: a.analysisId,
      type: "succeeded",
      attempt: a.attempt,
      workerId: a.workerId,
    });
    return true;
  });
}

/**
 * Ends an analysis as failed or cancelled and releases its hold, in one transaction. With an
 * attempt it is fenced to that attempt; without one (reaper, hold expiry) it only ends rows
 * still in one of `from` (default: any status that may move to the new one).
 */
export async function endAnalysisUnpaid(input: {
  analysisId: string;
  attempt: number | null;
  from?: AnalysisStatus[];
  status: "failed" | "cancelled";
  errorCode: string;
  errorMessage: string;
  /** Internal cause (stack) for the admin console; never shown to the user. */
  errorDetail?: string | null;
  workerId?: string | null;
  eventType?: "failed" | "cancelled" | "reaped" | "hold_expired";
}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const guard =
      input.attempt === null
        ? and(
            eq(analyses.id, input.analysisId),
            inArray(analyses.status, statusesThatCanBecome(input.status)),
          )
        : whereCurrentAttempt({ analysisId: input.analysisId, attempt: input.attempt });
    const [row] = await tx
      .update(analyses)
      .set({
        status: input.status,
        errorCode: input.errorCode,
        errorMessage: input.errorMessage,
        errorDetail: input.errorDetail ?? null,
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
        // Reaping bumps the fence so a worker that wakes up later cannot write.
        ...(input.attempt === null ? { attempt: sql`${analyses.attempt} + 1` } : {}),
      })
      .where(guard)
      .returning({ attempt: analyses.attempt });
    if (!row) return false;
    await settleHold(tx, { analysisId: input.analysisId, settlement: "release" });
    await recordEvent(tx, {
      analysisId: input.analysisId,
      type: input.eventType ?? input.status,
      attempt: input.attempt ?? row.attempt,
      workerId: input.workerId ?? null,
      data: { code: input.errorCode, message: input.errorMessage },
    });
    return true;
  });
}
