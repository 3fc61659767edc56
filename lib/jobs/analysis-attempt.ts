import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type AnalysisEnding, queueAnalysisEndedMail } from "@/lib/analyses/analysis-ended-mail";
import { statusesThatCanBecome } from "@/lib/analyses/analysis-lifecycle";
import { type AnalysisEventInput, insertEventsSql, recordEvent } from "@/lib/analyses/record-event";
import { settleHold, settlementSteps } from "@/lib/billing/settle-hold";
import { saveContractTerms } from "@/lib/contract-terms/save-contract-terms";
import { db } from "@/lib/db/client";
import { type AnalysisStatus, analyses, type DocumentKind } from "@/lib/db/schema";
import type { StoredDocument } from "@/lib/documents/load-stored-document";
import { env } from "@/lib/env";
import {
  CHUNKED_STEP_COUNT,
  FIRST_STEP_LABEL,
  PIPELINE_STEP_COUNT,
} from "@/lib/jobs/analysis-steps-plan";
import { deliverMailsSoon } from "@/lib/mail/deliver-mail";

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
  /** The document with its bytes, read by the claim itself; null when resuming (or missing). */
  document: StoredDocument | null;
};

/**
 * design.md "Claiming is fenced": `attempt = attempt + 1` hands this worker a token that every
 * later write must carry. Returns null when there is nothing to do (terminal, quoted, unknown,
 * or queued but not admitted yet).
 * One statement: `previous` locks the row and reads it as it is now (after any concurrent claim
 * committed); the update starts the attempt and writes its first progress (step 1, so the user
 * sees the start at once); the timeline gets `attempt_started` — preceded by
 * `attempt_interrupted` when the analysis was still `running`: the previous attempt never
 * finished (its worker died, froze past its lock or lost Redis); and the document comes back
 * with the claim.
 */
export async function startAttempt(
  analysisId: string,
  workerId: string,
): Promise<ClaimedAttempt | null> {
  const claimable = statusesThatCanBecome("running").map(
    (status) => sql`${status}::analysis_status`,
  );
  const [row] = await db.execute<{
    attempt: number;
    user_id: string;
    document_id: string;
    cancel_requested: boolean;
    started_at_ms: number;
    filename: string | null;
    kind: DocumentKind | null;
    page_count: number | null;
    scanned_pages: number[] | null;
    bytes: Buffer | null;
  }>(sql`
    with previous as (
      select id, status, attempt, worker_id, admitted_at from analyses
      where id = ${analysisId} for update
    ), claimed as (
      update analyses a
      set status = 'running', attempt = a.attempt + 1, started_at = coalesce(a.started_at, now()),
        -- The whole plan from the first running view (progress-plan.ts): its step count, and
        -- for a chunked PDF its pages; the percent is kept, so a retried attempt never shows less.
        step_index = 1, step_name = ${FIRST_STEP_LABEL}::text,
        step_count = case when d.chunked then ${CHUNKED_STEP_COUNT}::int
          else ${PIPELINE_STEP_COUNT}::int end,
        pages_total = case when d.chunked then d.page_count else a.pages_total end,
        -- planChunks' count: one chunk per started CHUNK_PAGES pages.
        chunks_total = case when d.chunked
          then ceil(d.page_count::numeric / ${env.CHUNK_PAGES}::int)::int else a.chunks_total end,
        heartbeat_at = now(), worker_id = ${workerId}, updated_at = now()
      from previous p, (
        select kind = 'pdf' and page_count > ${env.CHUNK_PAGES}::int as chunked, page_count
        from documents where id = (select document_id from analyses where id = ${analysisId})
      ) d
      where a.id = p.id and p.status in (${sql.join(claimable, sql`, `)})
        -- design.md "Admission": a queued analysis still waiting its turn is not started.
        and (p.status <> 'queued' or p.admitted_at is not null)
      returning a.attempt, a.user_id, a.document_id, a.cancel_requested_at, a.started_at,
        p.status as previous_status, p.attempt as previous_attempt, p.worker_id as previous_worker_id
    ), timeline as (
      insert into analysis_events (analysis_id, type, attempt, worker_id)
      select ${analysisId}::uuid, 'attempt_interrupted', previous_attempt, previous_worker_id
      from claimed where previous_status = 'running'
      union all
      select ${analysisId}::uuid, 'attempt_started', attempt, ${workerId}::text from claimed
    )
    select c.attempt, c.user_id, c.document_id, c.cancel_requested_at is not null as cancel_requested,
      extract(epoch from c.started_at) * 1000 as started_at_ms,
      d.filename, d.kind, d.page_count, d.scanned_pages, b.bytes
    from claimed c
    left join documents d on d.id = c.document_id
    left join document_blobs b on b.document_id = c.document_id`);
  if (!row) return null;
  return {
    analysisId,
    attempt: row.attempt,
    userId: row.user_id,
    documentId: row.document_id,
    cancelRequested: row.cancel_requested,
    startedAt: new Date(Number(row.started_at_ms)),
    document:
      row.filename !== null && row.kind !== null && row.page_count !== null && row.bytes !== null
        ? {
            id: row.document_id,
            filename: row.filename,
            kind: row.kind,
            pageCount: row.page_count,
            scannedPages: row.scanned_pages ?? [],
            bytes: new Uint8Array(row.bytes),
          }
        : null,
  };
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
      document: null,
    };
  });
}

/**
 * Progress and heartbeat in one indexed single-row update, with the timeline entries buffered
 * since the last write (written only if the update matched). Answers whether a cancel was
 * requested; throws FencedOutError when this attempt is no longer the live one.
 */
export async function reportProgress(
  a: { analysisId: string; attempt: number },
  progress?: { stepIndex: number; stepCount: number; stepName: string; percent: number },
  events: readonly AnalysisEventInput[] = [],
): Promise<{ cancelRequested: boolean }> {
  const update = db
    .update(analyses)
    .set({
      ...(progress ?? {}),
      // Forward only (progress-plan.ts forwardPercent): a later step never shows a lower percent.
      ...(progress
        ? { percent: sql`greatest(${analyses.percent}, ${progress.percent}::int)` }
        : {}),
      heartbeatAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(whereCurrentAttempt(a))
    .returning({ cancelRequestedAt: analyses.cancelRequestedAt });
  const [row] = await db.execute<{ cancel_requested: boolean }>(sql`
    with progressed as ${update}, timeline as (
      ${insertEventsSql(events, sql`exists (select 1 from progressed)`)}
    )
    select cancel_requested_at is not null as cancel_requested from progressed`);
  if (!row) throw new FencedOutError(a.analysisId, a.attempt);
  return { cancelRequested: row.cancel_requested };
}

/**
 * design.md "Finishing is one transaction": memo + result + capture + `succeeded`, as one
 * statement — the fenced update, the timeline entries (buffered steps and `succeeded`) and the
 * capture of the hold (settlementSteps), each step only if the fenced update matched.
 */
export async function completeAttempt(
  a: { analysisId: string; attempt: number; workerId: string },
  output: { memoMarkdown: string; result: unknown; resultVersion: number; stepCount: number },
  /** Timeline entries still buffered by the worker (its steps), written in the same commit. */
  events: readonly AnalysisEventInput[] = [],
): Promise<boolean> {
  const finish = db
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
  const timeline = [
    ...events,
    {
      analysisId: a.analysisId,
      type: "succeeded" as const,
      attempt: a.attempt,
      workerId: a.workerId,
    },
  ];
  const { saved, mailed } = await db.transaction(async (tx) => {
    const [row] = await tx.execute<{ id: string; charged: number | null }>(sql`
      with finished as ${finish}, timeline as (
        ${insertEventsSql(timeline, sql`exists (select 1 from finished)`)}
      ), ${settlementSteps(sql`select id from finished`, "capture")}
      select id, (select amount from settled) as charged from finished`);
    if (!row) return { saved: false, mailed: false };
    // The key terms (portfolio, deadlines) commit with the memo they are read from.
    await saveContractTerms(tx, a.analysisId);
    // The owner's "memo ready" mail commits with the memo (or not at all).
    const mailed = await queueAnalysisEndedMail(tx, a.analysisId, {
      outcome: "succeeded",
      chargedCredits: Number(row.charged ?? 0),
    });
    return { saved: true, mailed };
  });
  if (mailed) deliverMailsSoon();
  return saved;
}

/**
 * Ends an analysis as failed or cancelled and releases its hold, in one transaction. With an
 * attempt it is fenced to that attempt. Without one (maintenance: reaper, hold expiry) it ends
 * the row only if it is still in one of `from` (default: any status that may move to the new one)
 * and `stillDue` holds: maintenance selects candidates first and ends them one by one, so the
 * condition that selected a row must be true again at the moment of the update — a worker may
 * have claimed the analysis or beaten its heartbeat in between.
 */
export async function endAnalysisUnpaid(input: {
  analysisId: string;
  attempt: number | null;
  from?: AnalysisStatus[];
  /** Maintenance only: the selection condition, re-checked in the update's WHERE. */
  stillDue?: SQL;
  status: "failed" | "cancelled";
  errorCode: string;
  errorMessage: string;
  /** Internal cause (stack) for the admin console; never shown to the user. */
  errorDetail?: string | null;
  workerId?: string | null;
  eventType?: "failed" | "cancelled" | "reaped" | "hold_expired";
  /** A cancel by an administrator: the owner is mailed with this reason (their own is not). */
  adminCancelReason?: string | null;
}): Promise<boolean> {
  const { ended, mailed } = await db.transaction(async (tx) => {
    const guard =
      input.attempt === null
        ? and(
            eq(analyses.id, input.analysisId),
            inArray(analyses.status, input.from ?? statusesThatCanBecome(input.status)),
            input.stillDue,
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
    if (!row) return { ended: false, mailed: false };
    const { amount } = await settleHold(tx, {
      analysisId: input.analysisId,
      settlement: "release",
    });
    await recordEvent(tx, {
      analysisId: input.analysisId,
      type: input.eventType ?? input.status,
      attempt: input.attempt ?? row.attempt,
      workerId: input.workerId ?? null,
      data: { code: input.errorCode, message: input.errorMessage },
    });
    // The owner hears how it ended, unless they cancelled it themselves.
    const ending: AnalysisEnding | null =
      input.status === "failed"
        ? { outcome: "failed", reason: input.errorMessage, releasedCredits: amount }
        : input.adminCancelReason
          ? {
              outcome: "cancelled_by_admin",
              reason: input.adminCancelReason,
              releasedCredits: amount,
            }
          : null;
    const mailed = ending ? await queueAnalysisEndedMail(tx, input.analysisId, ending) : false;
    return { ended: true, mailed };
  });
  if (mailed) deliverMailsSoon();
  return ended;
}
