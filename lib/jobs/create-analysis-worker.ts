import { DelayedError, type Job, UnrecoverableError, WaitingChildrenError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { z } from "zod";
import { admitAfterJob } from "@/lib/admission/admit-after-job";
import { env } from "@/lib/env";
import { ANALYSIS_QUEUE } from "@/lib/jobs/analysis-queue";
import type { JobDefinition } from "@/lib/jobs/define-job";
import { analyzeChunkJob } from "@/lib/jobs/definitions/analyze-chunk-job";
import { analyzeJob } from "@/lib/jobs/definitions/analyze-job";
import { enqueueJobs } from "@/lib/jobs/enqueue-jobs";
import { type AnalysisQueueJobData, isJobName, type JobName } from "@/lib/jobs/job-kinds";
import { type FanOutControl, processAnalysisJob } from "@/lib/jobs/process-analysis";
import { processAnalysisChunkJob } from "@/lib/jobs/process-analysis-chunk";
import type { ProcessContext, ProcessOutcome } from "@/lib/jobs/run-attempt";
import type { Logger } from "@/lib/logger";

type AnalysisQueueJob = Job<AnalysisQueueJobData>;

/** The BullMQ side of a parent job becoming a flow (process-step-jobs pattern). */
function fanOutControlFor(job: AnalysisQueueJob, token: string): FanOutControl {
  return {
    markResumable: (attempt) => job.updateData({ ...job.data, resumeAttempt: attempt }),
    addChunks: (chunks) =>
      enqueueJobs(analyzeChunkJob, chunks, {
        parent: { id: job.id ?? analyzeJob.jobId(job.data), queue: job.queueQualifiedName },
      }),
    waitForChunks: () => job.moveToWaitingChildren(token),
  };
}

type Run = { job: AnalysisQueueJob; token: string | undefined; ctx: ProcessContext };

/** A gated chunk (its user holds all their units) tries again after about this long. */
const CHUNK_GATE_DELAY_MS = 500;

/** Runs a job of `kind`: its payload, checked by the kind's schema, goes to `handler`. */
function handle<Schema extends z.ZodType>(
  kind: JobDefinition<string, Schema>,
  handler: (payload: z.output<Schema>, run: Run) => Promise<ProcessOutcome>,
): (run: Run) => Promise<ProcessOutcome> {
  // A payload that fails its schema throws (a ZodError, retried like any error), as the
  // processors' own parse did before the kinds were defined in one place.
  return (run) => handler(kind.schema.parse(run.job.data), run);
}

/** The worker's registry: one handler per job kind (a kind without one does not compile). */
const handlers: Record<JobName, (run: Run) => Promise<ProcessOutcome>> = {
  [analyzeJob.name]: handle(analyzeJob, (payload, { job, token, ctx }) =>
    processAnalysisJob(payload, ctx, token ? fanOutControlFor(job, token) : undefined),
  ),
  [analyzeChunkJob.name]: handle(analyzeChunkJob, (payload, { ctx }) =>
    processAnalysisChunkJob(payload, ctx),
  ),
};

/**
 * The BullMQ worker of the analysis queue: parent jobs and chunk jobs, with the production
 * lock/stall settings. The worker process (worker/run-worker.ts) and the pipeline benchmark both
 * build it here, so the benchmark measures exactly what runs in production.
 */
export function createAnalysisWorker(options: {
  workerId: string;
  logger: Logger;
  connection: Redis;
  concurrency?: number;
  onJobDone?: () => void;
}): Worker<AnalysisQueueJobData> {
  const { workerId, logger } = options;
  return new Worker<AnalysisQueueJobData>(
    ANALYSIS_QUEUE,
    async (job, token, signal) => {
      // No retry can teach this worker a kind it does not know.
      if (!isJobName(job.name)) throw new UnrecoverableError(`unknown job kind "${job.name}"`);
      const ctx = {
        workerId,
        logger,
        attemptsMade: job.attemptsMade,
        maxAttempts: job.opts.attempts ?? 1,
        signal,
      };
      let outcome: ProcessOutcome;
      try {
        outcome = await handlers[job.name]({ job, token, ctx });
      } catch (error) {
        // UnrecoverableError: the analysis ended failed and released its unit.
        if (error instanceof UnrecoverableError) await admitAfterJob(job.data.analysisId, logger);
        throw error;
      }
      if (outcome === "gated") {
        if (!token) throw new Error("chunk gated by its user's admission limit; retried later");
        // Back to the queue for a moment without spending an attempt (design.md "Admission").
        const jitter = Math.floor(Math.random() * CHUNK_GATE_DELAY_MS);
        await job.moveToDelayed(Date.now() + CHUNK_GATE_DELAY_MS + jitter, token);
        throw new DelayedError();
      }
      // Already moved to waiting-children; this tells BullMQ not to complete the job.
      if (outcome === "waiting") throw new WaitingChildrenError();
      // The analysis ended, or a chunk finished (fewer units wanted): let the user's next in.
      await admitAfterJob(job.data.analysisId, logger);
      options.onJobDone?.();
      return outcome;
    },
    {
      connection: options.connection,
      prefix: env.QUEUE_PREFIX,
      concurrency: options.concurrency ?? env.WORKER_CONCURRENCY,
      // Steps yield to the event loop between pages and sentences, so locks renew on time; the
      // 60 s default leaves room for a slow page. A stalled job is retried; after two stalls
      // BullMQ fails it and the relay/reaper decide from Postgres (attempts, heartbeat).
      lockDuration: env.WORKER_LOCK_MS,
      stalledInterval: env.WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: 2,
    },
  );
}
