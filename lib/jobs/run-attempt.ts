import { UnrecoverableError } from "bullmq";
import { and, desc, eq } from "drizzle-orm";
import { recordEvent } from "@/lib/analyses/record-event";
import { db } from "@/lib/db/client";
import { analysisEvents } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { endAnalysisUnpaid, FencedOutError, reportProgress } from "@/lib/jobs/analysis-attempt";
import {
  attemptHistoryDetail,
  INFRASTRUCTURE_ERROR_CODE,
  infrastructureFailureMessage,
  onlyWorkersFailed,
  readAttemptHistory,
} from "@/lib/jobs/infrastructure-failure";
import type { Logger } from "@/lib/logger";

/** Why an attempt was asked to stop early. */
export class StopRequested extends Error {
  constructor(readonly why: "cancel" | "fenced" | "timeout" | "shutdown") {
    super(`stop: ${why}`);
  }
}

export type ProcessContext = {
  workerId: string;
  logger: Logger;
  /** 0-based count of earlier failed attempts of this BullMQ job (`attemptsMade`) and the total allowed. */
  attemptsMade: number;
  maxAttempts: number;
  /** Aborted when the worker hands the job back at shutdown (BullMQ `cancelAllJobs`). */
  signal?: AbortSignal;
};

/** `waiting`: the parent fanned out and waits for its chunks (BullMQ waiting-children). */
export type ProcessOutcome = "succeeded" | "failed" | "cancelled" | "skipped" | "waiting";

export type Fence = { analysisId: string; attempt: number; workerId: string };

const HEARTBEAT_MS = 2_000;

/**
 * Runs `work` as (part of) attempt `fence` of an analysis: a heartbeat every 2 s that also reads
 * cancel requests, a time limit, and the worker's shutdown signal, all surfacing as one
 * AbortSignal. Then it decides what an error means — design.md "Finishing is one transaction":
 * fenced out → skip; cancelled → end cancelled; bad input or last attempt → end failed, release,
 * UnrecoverableError; anything else → rethrow so BullMQ retries with backoff.
 */
export async function runFencedAttempt(
  input: {
    fence: Fence;
    ctx: ProcessContext;
    log: Logger;
    isLastAttempt: boolean;
    /** Added to the timeline entry of a failed attempt (e.g. which chunk). */
    eventData?: Record<string, unknown>;
  },
  work: (signal: AbortSignal) => Promise<ProcessOutcome>,
): Promise<ProcessOutcome> {
  const { fence, ctx, log } = input;
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

  try {
    return await work(stop.signal);
  } catch (error) {
    const reason = stop.signal.reason instanceof StopRequested ? stop.signal.reason.why : null;
    const why = error instanceof StopRequested ? error.why : reason;
    if (error instanceof FencedOutError || why === "fenced") {
      log.warn("attempt fenced out; a newer attempt owns this analysis or it has ended");
      return "skipped";
    }
    if (why === "cancel") return endCancelled(fence, log);
    if (why === "shutdown") {
      // Handed back: BullMQ retries it on another worker; Postgres still says `running` until then.
      log.info("attempt handed back at shutdown");
      throw new Error("Worker shut down before the analysis finished");
    }

    const permanent = error instanceof AppError;
    const message = userMessageFor(error, why === "timeout");
    log.warn(
      {
        event: "JOB_FAIL",
        err: (error as Error).message,
        willRetry: !permanent && !input.isLastAttempt,
      },
      "analysis attempt failed",
    );
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (!permanent && !input.isLastAttempt) {
      await recordEvent(db, {
        analysisId: fence.analysisId,
        type: "attempt_failed",
        attempt: fence.attempt,
        workerId: fence.workerId,
        data: { error: detail.slice(0, 4_000), willRetry: true, ...input.eventData },
      }).catch(() => {}); // the timeline must not turn a retry into a failure
      throw error;
    }
    await endAnalysisUnpaid({
      ...fence,
      status: "failed",
      errorCode:
        error instanceof AppError ? error.code : why === "timeout" ? "timeout" : "internal",
      errorMessage: message,
      errorDetail: detail.slice(0, 10_000),
    });
    throw new UnrecoverableError(message);
  } finally {
    clearInterval(heartbeat);
    clearTimeout(timeout);
    ctx.signal?.removeEventListener("abort", onOuterAbort);
  }
}

export async function endCancelled(fence: Fence, log: Logger): Promise<ProcessOutcome> {
  // The message names who asked: the user, or an administrator (audit-logged cancel).
  const [request] = await db
    .select({ data: analysisEvents.data })
    .from(analysisEvents)
    .where(
      and(
        eq(analysisEvents.analysisId, fence.analysisId),
        eq(analysisEvents.type, "cancel_requested"),
      ),
    )
    .orderBy(desc(analysisEvents.id))
    .limit(1);
  const requestedBy = request?.data as { by?: string; reason?: string } | null;
  const byAdmin = requestedBy?.by === "admin";
  const ended = await endAnalysisUnpaid({
    ...fence,
    status: "cancelled",
    errorCode: "cancelled",
    errorMessage: byAdmin
      ? "Cancelled by an administrator. Nothing was charged."
      : "Cancelled by you. Nothing was charged.",
    // An admin's cancel is mailed to the owner with its reason; the user's own is not.
    adminCancelReason: byAdmin ? (requestedBy?.reason ?? "no reason given") : null,
  });
  // Several chunks can see the same cancel; the first one ends the analysis.
  if (!ended) return "skipped";
  log.info({ event: "JOB_CANCELLED" }, "analysis cancelled");
  return "cancelled";
}

/**
 * Ends an analysis whose claims ran out (stalls, crashes, Redis losses) and stops retrying. When
 * no attempt failed with an error of its own, the workers are to blame, not the document: the
 * user is told so (`infrastructure`), and an admin can retry it for free.
 */
export async function endAttemptsExhausted(fence: Fence, log: Logger): Promise<never> {
  // Attempts are counted in Postgres: a job the relay re-added after stalls or lost Redis data
  // starts a fresh BullMQ job, but not a fresh budget.
  const history = await readAttemptHistory(fence.analysisId);
  const attempts = env.JOB_ATTEMPTS;
  const workersToBlame = onlyWorkersFailed(history);
  const message = workersToBlame
    ? infrastructureFailureMessage(attempts)
    : `The analysis was interrupted ${attempts} times and was stopped. Nothing was charged; please try again.`;
  await endAnalysisUnpaid({
    ...fence,
    status: "failed",
    errorCode: workersToBlame ? INFRASTRUCTURE_ERROR_CODE : "attempts_exhausted",
    errorMessage: message,
    errorDetail: attemptHistoryDetail(
      { ...history, attempts },
      `Stopped after ${attempts} attempts (JOB_ATTEMPTS).`,
    ),
  });
  log.warn(
    { event: "JOB_FAIL", willRetry: false, failedWithError: history.failedWithError },
    "attempts exhausted",
  );
  throw new UnrecoverableError(message);
}

function userMessageFor(error: unknown, timedOut: boolean): string {
  if (error instanceof AppError)
    return `${error.message}${/charged/.test(error.message) ? "" : " Nothing was charged."}`;
  if (timedOut)
    return "The analysis took too long and was stopped. Nothing was charged; please try again.";
  return "The analysis failed because of a problem on our side. Nothing was charged; please try again.";
}
