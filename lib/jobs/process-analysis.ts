import { setTimeout as sleep } from "node:timers/promises";
import { UnrecoverableError } from "bullmq";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { renderMemoMarkdown } from "@/lib/analysis/render-memo-markdown";
import { ANALYSIS_RESULT_VERSION } from "@/lib/analysis/result-schema";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { db } from "@/lib/db/client";
import { documentBlobs, documents } from "@/lib/db/schema";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  type ClaimedAttempt,
  completeAttempt,
  endAnalysisUnpaid,
  FencedOutError,
  reportProgress,
  startAttempt,
} from "@/lib/jobs/analysis-attempt";
import { PIPELINE_STEP_COUNT, PIPELINE_STEP_LABELS } from "@/lib/jobs/analysis-steps-plan";
import type { Logger } from "@/lib/logger";

const jobDataSchema = z.object({ analysisId: z.string().uuid() });

/** Why this attempt was asked to stop early. */
class StopRequested extends Error {
  constructor(readonly why: "cancel" | "fenced" | "timeout" | "shutdown") {
    super(`stop: ${why}`);
  }
}

export type ProcessContext = {
  workerId: string;
  logger: Logger;
  /** 0-based count of earlier failed attempts (BullMQ `attemptsMade`) and the total allowed. */
  attemptsMade: number;
  maxAttempts: number;
  /** Aborted when the worker hands the job back at shutdown (BullMQ `cancelAllJobs`). */
  signal?: AbortSignal;
};

export type ProcessOutcome = "succeeded" | "failed" | "cancelled" | "skipped";

const HEARTBEAT_MS = 2_000;

/**
 * One attempt of the pipeline: claim (fenced) → extract → five analysis steps → memo → finish.
 * Bad input and a spent last attempt end the analysis `failed` with the hold released and throw
 * UnrecoverableError; other errors are rethrown so BullMQ retries with backoff.
 */
export async function processAnalysisJob(
  data: unknown,
  ctx: ProcessContext,
): Promise<ProcessOutcome> {
  const { analysisId } = jobDataSchema.parse(data);
  const claim = await startAttempt(analysisId, ctx.workerId);
  if (!claim) {
    ctx.logger.info(
      { analysisId },
      "analysis not claimable (already finished or unknown); skipping",
    );
    return "skipped";
  }
  const log = ctx.logger.child({ analysisId, attempt: claim.attempt });
  const fence = { analysisId, attempt: claim.attempt, workerId: ctx.workerId };
  if (claim.cancelRequested) return endCancelled(fence, log);
  if (claim.attempt > env.JOB_ATTEMPTS) {
    // Attempts are counted in Postgres: a job the relay re-added after stalls or lost Redis data
    // starts a fresh BullMQ job, but not a fresh budget.
    const message = `The analysis was interrupted ${env.JOB_ATTEMPTS} times and was stopped. Nothing was charged; please try again.`;
    await endAnalysisUnpaid({
      ...fence,
      status: "failed",
      errorCode: "attempts_exhausted",
      errorMessage: message,
    });
    log.warn({ event: "JOB_FAIL", willRetry: false }, "attempts exhausted");
    throw new UnrecoverableError(message);
  }

  const stop = new AbortController();
  const timeout = setTimeout(() => stop.abort(new StopRequested("timeout")), env.JOB_TIMEOUT_MS);
  const onOuterAbort = () => stop.abort(new StopRequested("shutdown"));
  ctx.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const heartbeat = setInterval(() => {
    reportProgress(fence).then(
      ({ cancelRequested }) => {
        if (cancelRequested) stop.abort(new StopRequested("cancel"));
      },
      (error: unknown) => {
        if (error instanceof FencedOutError) stop.abort(new StopRequested("fenced"));
      },
    );
  }, HEARTBEAT_MS);

  const startedAt = Date.now();
  try {
    log.info({ event: "JOB_START" }, "analysis started");
    await runPipeline(claim, fence, stop.signal);
    log.info({ event: "JOB_DONE", durationMs: Date.now() - startedAt }, "analysis succeeded");
    return "succeeded";
  } catch (error) {
    const reason = stop.signal.reason instanceof StopRequested ? stop.signal.reason.why : null;
    if (error instanceof FencedOutError || reason === "fenced") {
      log.warn("attempt fenced out; a newer attempt owns this analysis");
      return "skipped";
    }
    if (reason === "cancel") return endCancelled(fence, log);
    if (reason === "shutdown") {
      // Handed back: BullMQ retries it on another worker; Postgres still says `running` until then.
      log.info("attempt handed back at shutdown");
      throw new Error("Worker shut down before the analysis finished");
    }

    const permanent = error instanceof AppError;
    const lastAttempt =
      ctx.attemptsMade + 1 >= ctx.maxAttempts || claim.attempt >= env.JOB_ATTEMPTS;
    const message = userMessageFor(error, reason === "timeout");
    log.warn(
      { event: "JOB_FAIL", err: (error as Error).message, willRetry: !permanent && !lastAttempt },
      "analysis attempt failed",
    );
    if (!permanent && !lastAttempt) throw error;
    await endAnalysisUnpaid({
      analysisId,
      attempt: claim.attempt,
      status: "failed",
      errorCode:
        error instanceof AppError ? error.code : reason === "timeout" ? "timeout" : "internal",
      errorMessage: message,
      workerId: ctx.workerId,
    });
    throw new UnrecoverableError(message);
  } finally {
    clearInterval(heartbeat);
    clearTimeout(timeout);
    ctx.signal?.removeEventListener("abort", onOuterAbort);
  }
}

async function runPipeline(
  claim: ClaimedAttempt,
  fence: { analysisId: string; attempt: number; workerId: string },
  signal: AbortSignal,
): Promise<void> {
  const step = async (index: number) => {
    signal.throwIfAborted();
    const { cancelRequested } = await reportProgress(fence, {
      stepIndex: index + 1,
      stepCount: PIPELINE_STEP_COUNT,
      stepName: PIPELINE_STEP_LABELS[index] ?? "Working",
      percent: Math.round((index / PIPELINE_STEP_COUNT) * 100),
    });
    if (cancelRequested) throw new StopRequested("cancel");
    if (env.ANALYSIS_STEP_DELAY_MS > 0)
      await sleep(env.ANALYSIS_STEP_DELAY_MS, undefined, { signal });
  };

  await step(0);
  const [doc] = await db
    .select({ filename: documents.filename, kind: documents.kind, bytes: documentBlobs.bytes })
    .from(documents)
    .innerJoin(documentBlobs, eq(documentBlobs.documentId, documents.id))
    .where(eq(documents.id, claim.documentId));
  if (!doc)
    throw new AppError("not_found", "The uploaded file is missing. Please upload it again.");
  const text = await extractDocumentText(new Uint8Array(doc.bytes), doc.kind, {
    signal,
    maxPages: env.MAX_PAGES,
    maxChars: env.MAX_TEXT_CHARS,
  });

  const result = await runAnalysis(text, { signal, onStep: (index) => step(index + 1) });

  await step(PIPELINE_STEP_COUNT - 1);
  const memoMarkdown = renderMemoMarkdown(result, {
    documentName: doc.filename,
    pageCount: text.pageCount,
    unitLabel: text.unitLabel,
    generatedAt: new Date(),
  });
  const saved = await completeAttempt(fence, {
    memoMarkdown,
    result,
    resultVersion: ANALYSIS_RESULT_VERSION,
    stepCount: PIPELINE_STEP_COUNT,
  });
  if (!saved) throw new FencedOutError(fence.analysisId, fence.attempt);
}

async function endCancelled(
  fence: { analysisId: string; attempt: number; workerId: string },
  log: Logger,
): Promise<ProcessOutcome> {
  await endAnalysisUnpaid({
    analysisId: fence.analysisId,
    attempt: fence.attempt,
    status: "cancelled",
    errorCode: "cancelled",
    errorMessage: "Cancelled by you. Nothing was charged.",
    workerId: fence.workerId,
  });
  log.info({ event: "JOB_CANCELLED" }, "analysis cancelled");
  return "cancelled";
}

function userMessageFor(error: unknown, timedOut: boolean): string {
  if (error instanceof AppError)
    return `${error.message}${/charged/.test(error.message) ? "" : " Nothing was charged."}`;
  if (timedOut)
    return "The analysis took too long and was stopped. Nothing was charged; please try again.";
  return "The analysis failed because of a problem on our side. Nothing was charged; please try again.";
}
