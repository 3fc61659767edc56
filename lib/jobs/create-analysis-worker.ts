import { type Job, WaitingChildrenError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { env } from "@/lib/env";
import {
  ANALYSIS_QUEUE,
  ANALYZE_CHUNK_JOB,
  type AnalysisQueueJobData,
  addChunkJobs,
} from "@/lib/jobs/analysis-queue";
import { type FanOutControl, processAnalysisJob } from "@/lib/jobs/process-analysis";
import { processAnalysisChunkJob } from "@/lib/jobs/process-analysis-chunk";
import type { Logger } from "@/lib/logger";

/** The BullMQ side of a parent job becoming a flow (process-step-jobs pattern). */
function fanOutControlFor(job: Job<AnalysisQueueJobData>, token: string): FanOutControl {
  return {
    markResumable: (attempt) => job.updateData({ ...job.data, resumeAttempt: attempt }),
    addChunks: (chunks) => addChunkJobs(job, chunks),
    waitForChunks: () => job.moveToWaitingChildren(token),
  };
}

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
      const ctx = {
        workerId,
        logger,
        attemptsMade: job.attemptsMade,
        maxAttempts: job.opts.attempts ?? 1,
        signal,
      };
      const outcome =
        job.name === ANALYZE_CHUNK_JOB
          ? await processAnalysisChunkJob(job.data, ctx)
          : await processAnalysisJob(
              job.data,
              ctx,
              token ? fanOutControlFor(job, token) : undefined,
            );
      // Already moved to waiting-children; this tells BullMQ not to complete the job.
      if (outcome === "waiting") throw new WaitingChildrenError();
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
