import { and, eq, lt, ne, or, sql } from "drizzle-orm";
import { admitAndEnqueue } from "@/lib/admission/admit-analyses";
import { recordEvent } from "@/lib/analyses/record-event";
import { backfillContractTerms } from "@/lib/contract-terms/backfill-contract-terms";
import { db } from "@/lib/db/client";
import { analyses, analysisChunks, idempotencyKeys } from "@/lib/db/schema";
import { purgeExpiredDocuments } from "@/lib/deletion/purge-expired-documents";
import { env } from "@/lib/env";
import { endAnalysisUnpaid, whereCurrentAttempt } from "@/lib/jobs/analysis-attempt";
import { getReadyAnalysisQueue } from "@/lib/jobs/analysis-queue";
import type { JobPayload } from "@/lib/jobs/define-job";
import { analyzeChunkJob } from "@/lib/jobs/definitions/analyze-chunk-job";
import { analyzeJob } from "@/lib/jobs/definitions/analyze-job";
import { enqueueJobs } from "@/lib/jobs/enqueue-jobs";
import {
  attemptHistoryDetail,
  INFRASTRUCTURE_ERROR_CODE,
  infrastructureFailureMessage,
  onlyWorkersFailed,
  readAttemptHistory,
} from "@/lib/jobs/infrastructure-failure";
import type { Logger } from "@/lib/logger";
import { deliverPendingMails } from "@/lib/mail/deliver-mail";

/**
 * The outbox relay (design.md): every admitted `queued` analysis, and every `running` one whose
 * worker went silent, must have a live BullMQ job. Job id = analysis id makes re-adding safe.
 * A queued analysis not admitted yet waits its turn in Postgres (admission's business).
 */
export async function relayAnalysesToQueue(log: Logger): Promise<number> {
  const candidates = await db
    .select({ id: analyses.id, status: analyses.status, attempt: analyses.attempt })
    .from(analyses)
    .where(
      or(
        and(
          eq(analyses.status, "queued"),
          lt(analyses.admittedAt, sql`now() - interval '3 seconds'`),
        ),
        and(
          eq(analyses.status, "running"),
          lt(
            analyses.heartbeatAt,
            sql`now() - make_interval(secs => ${env.ANALYSIS_ORPHAN_MS / 1000})`,
          ),
        ),
      ),
    )
    .limit(500);
  const queue = await getReadyAnalysisQueue();
  let relayed = 0;
  for (const { id, status, attempt } of candidates) {
    const payload = { analysisId: id };
    const jobId = analyzeJob.jobId(payload);
    // One round trip for the state (getJob would fetch the whole job hash just to ask it).
    const state = await queue.getJobState(jobId);
    if (state === "waiting-children" && status === "running") {
      relayed += await relayChunksOf(queue, { analysisId: id, attempt }, log);
      continue;
    }
    // waiting/active/delayed/prioritized: BullMQ has it in hand (stalled ones are re-queued by it).
    if (state !== "completed" && state !== "failed" && state !== "unknown") continue;
    if (state !== "unknown") await queue.remove(jobId).catch(() => {});
    await enqueueJobs(analyzeJob, [payload]);
    await recordEvent(db, { analysisId: id, type: "enqueued", data: { by: "relay" } });
    relayed++;
  }
  if (relayed > 0) log.info({ relayed }, "relay enqueued analyses missing from Redis");
  return relayed;
}

const IN_HAND = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);

/**
 * A chunked analysis whose parent waits for its chunks has no heartbeat of its own while the
 * chunks sit in the queue. Every unfinished chunk must have a live job: re-add the missing ones
 * (Redis lost them) as children of the waiting parent; when all are in BullMQ's hands, refresh
 * the heartbeat so the reaper leaves the analysis alone. Returns how many chunks were re-added.
 */
async function relayChunksOf(
  queue: Awaited<ReturnType<typeof getReadyAnalysisQueue>>,
  fence: { analysisId: string; attempt: number },
  log: Logger,
): Promise<number> {
  const pending = await db
    .select({ chunkIndex: analysisChunks.chunkIndex })
    .from(analysisChunks)
    .where(and(eq(analysisChunks.analysisId, fence.analysisId), ne(analysisChunks.status, "done")));
  const missing: JobPayload<typeof analyzeChunkJob>[] = [];
  for (const { chunkIndex } of pending) {
    const chunk = { analysisId: fence.analysisId, chunkIndex, parentAttempt: fence.attempt };
    const jobId = analyzeChunkJob.jobId(chunk);
    const state = await queue.getJobState(jobId);
    if (IN_HAND.has(state)) continue;
    if (state !== "unknown") await queue.remove(jobId).catch(() => {});
    missing.push(chunk);
  }
  if (missing.length > 0) {
    const parent = { id: analyzeJob.jobId(fence), queue: queue.qualifiedName };
    await enqueueJobs(analyzeChunkJob, missing, { parent });
    log.info(
      { analysisId: fence.analysisId, chunks: missing.length },
      "relay re-added lost chunks",
    );
  }
  await db.update(analyses).set({ heartbeatAt: sql`now()` }).where(whereCurrentAttempt(fence));
  return missing.length;
}

/** A running analysis whose heartbeat stopped long ago (selection and re-check at the update). */
const heartbeatIsStale = () =>
  lt(analyses.heartbeatAt, sql`now() - make_interval(secs => ${env.ANALYSIS_STALE_MS / 1000})`);

/**
 * Ends one analysis the reaper selected, only if it is still running with a stale heartbeat. Its
 * worker stopped: unless an earlier attempt failed with an error, the fault is ours
 * (`infrastructure`), not the document's.
 */
export async function reapStaleAnalysis(analysisId: string): Promise<boolean> {
  const history = await readAttemptHistory(analysisId);
  const workersToBlame = onlyWorkersFailed(history);
  return endAnalysisUnpaid({
    analysisId,
    attempt: null,
    from: ["running"],
    stillDue: heartbeatIsStale(),
    status: "failed",
    errorCode: workersToBlame ? INFRASTRUCTURE_ERROR_CODE : "stalled",
    errorMessage: workersToBlame
      ? infrastructureFailureMessage(history.attempts)
      : "The analysis stopped responding and was ended. Nothing was charged; please try again.",
    errorDetail: attemptHistoryDetail(
      history,
      `Reaped: no heartbeat for ${env.ANALYSIS_STALE_MS / 1000} s (ANALYSIS_STALE_MS).`,
    ),
    eventType: "reaped",
  });
}

/** design.md "Stale work": fail and release analyses whose heartbeat stopped long ago. */
export async function reapStaleAnalyses(log: Logger): Promise<number> {
  const stale = await db
    .select({ id: analyses.id })
    .from(analyses)
    .where(and(eq(analyses.status, "running"), heartbeatIsStale()))
    .limit(100);
  let reaped = 0;
  for (const { id } of stale) {
    if (await reapStaleAnalysis(id)) reaped++;
  }
  if (reaped > 0) log.warn({ reaped }, "reaped stale analyses");
  return reaped;
}

/** Quotes nobody confirmed: `quoted` → `expired` (nothing was ever held). */
export async function expireQuotes(): Promise<number> {
  const expired = await db
    .update(analyses)
    .set({ status: "expired", finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(analyses.status, "quoted"), lt(analyses.quoteExpiresAt, sql`now()`)))
    .returning({ id: analyses.id });
  return expired.length;
}

/**
 * A queued analysis admitted longer ago than the hold limit (selection and re-check). One still
 * waiting its turn in Postgres (admitted_at null) is not stuck: its user sees it waiting and can
 * cancel it.
 */
const holdIsStale = () =>
  lt(analyses.admittedAt, sql`now() - make_interval(secs => ${env.HOLD_TIMEOUT_MS / 1000})`);

/** Ends one analysis hold expiry selected, only if it is still queued past the hold limit. */
export function expireStaleHold(analysisId: string): Promise<boolean> {
  const minutes = Math.round(env.HOLD_TIMEOUT_MS / 60_000);
  return endAnalysisUnpaid({
    analysisId,
    attempt: null,
    from: ["queued"],
    stillDue: holdIsStale(),
    status: "failed",
    errorCode: "hold_expired",
    errorMessage: `No worker could start this analysis within ${minutes} minutes, so it was stopped and your credits were released. Nothing was charged; please try again.`,
    eventType: "hold_expired",
  });
}

/** Holds never stay stuck: a `queued` analysis that no worker started in time is failed and released. */
export async function expireStaleHolds(log: Logger): Promise<number> {
  const stale = await db
    .select({ id: analyses.id })
    .from(analyses)
    .where(and(eq(analyses.status, "queued"), holdIsStale()))
    .limit(100);
  let expired = 0;
  for (const { id } of stale) {
    if (await expireStaleHold(id)) expired++;
  }
  if (expired > 0) log.warn({ expired }, "expired holds of analyses that never started");
  return expired;
}

/** Idempotency keys are promised for 24 h; older ones are dropped. */
export async function pruneIdempotencyKeys(): Promise<number> {
  const pruned = await db
    .delete(idempotencyKeys)
    .where(
      lt(
        idempotencyKeys.createdAt,
        sql`now() - make_interval(hours => ${env.IDEMPOTENCY_KEY_TTL_HOURS})`,
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return pruned.length;
}

export async function runMaintenance(log: Logger): Promise<void> {
  // Expire before relaying, so an analysis past its hold limit is not queued once more.
  await expireStaleHolds(log);
  await relayAnalysesToQueue(log);
  await reapStaleAnalyses(log);
  // Everyone's waiting analyses that fit (after expiry and the reaper freed units).
  const admitted = await admitAndEnqueue();
  if (admitted > 0) log.info({ admitted }, "maintenance admitted waiting analyses");
  await expireQuotes();
  await pruneIdempotencyKeys();
  // Analyses captured before contract_terms existed get their key terms, a bounded batch a pass.
  const backfilled = await backfillContractTerms();
  if (backfilled > 0) log.info({ backfilled }, "maintenance derived contract terms");
  // DOCUMENT_RETENTION_DAYS: old uploads lose their bytes (memos stay); a no-op when it is 0.
  const retention = await purgeExpiredDocuments();
  if (retention.documents > 0) log.info(retention, "retention purged old uploaded files");
  // Mails the web could not send at once (SMTP down, web restarted), and those the workers
  // queued themselves (analysis finished).
  const mail = await deliverPendingMails();
  if (mail.sent + mail.failed > 0) log.info(mail, "maintenance delivered mail");
}
