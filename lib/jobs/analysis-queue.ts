import { type Job, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { env } from "@/lib/env";
import { createRedisConnection } from "@/lib/jobs/redis-connection";

export const ANALYSIS_QUEUE = "analysis";

/** Job names on the analysis queue. */
export const ANALYZE_JOB = "analyze";
export const ANALYZE_CHUNK_JOB = "analyze-chunk";

/**
 * The parent job of an analysis (id = analysis id). `resumeAttempt` is set once it has fanned
 * out into chunks, so that its next run (after the chunks) merges within the same attempt.
 */
export type AnalysisJobData = { analysisId: string; resumeAttempt?: number };

/** One page chunk of a chunked analysis; `parentAttempt` is the analysis attempt it works for. */
export type AnalysisChunkJobData = {
  analysisId: string;
  chunkIndex: number;
  parentAttempt: number;
};

export type AnalysisQueueJobData = AnalysisJobData | AnalysisChunkJobData;

/** BullMQ ids may not contain ':'; the attempt makes a re-planned chunk a new job. */
export const chunkJobId = (analysisId: string, parentAttempt: number, chunkIndex: number) =>
  `${analysisId}-a${parentAttempt}-c${chunkIndex}`;

/** Options every analysis job gets; the job id is always the analysis id (design.md). */
export const analysisJobOptions = () => ({
  attempts: env.JOB_ATTEMPTS,
  backoff: { type: "exponential" as const, delay: 2_000, jitter: 0.5 },
  // History lives in Postgres; Redis keeps only a short tail for debugging.
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: { age: 24 * 3_600, count: 5_000 },
});

/**
 * Adds chunk jobs as children of the running parent `job` (a BullMQ flow). Chunks jump ahead of
 * waiting analyses (`lifo`; added last-first so they still start in page order): work already
 * started finishes before new work begins. A chunk that spends its retries fails the parent.
 */
export async function addChunkJobs(
  parent: Pick<Job, "id" | "queueQualifiedName">,
  chunks: readonly AnalysisChunkJobData[],
): Promise<void> {
  const queue = getAnalysisQueue();
  await queue.addBulk(
    [...chunks].reverse().map((chunk) => ({
      name: ANALYZE_CHUNK_JOB,
      data: chunk,
      opts: {
        ...analysisJobOptions(),
        jobId: chunkJobId(chunk.analysisId, chunk.parentAttempt, chunk.chunkIndex),
        lifo: true,
        parent: { id: parent.id ?? chunk.analysisId, queue: parent.queueQualifiedName },
        failParentOnFailure: true,
      },
    })),
  );
}

type QueueHolder = { queue: Queue<AnalysisQueueJobData>; connection: Redis };
const globalForQueue = globalThis as unknown as { __clauseflowQueue?: QueueHolder };

/** The producer-side queue for this process (web or worker), created on first use. */
export function getAnalysisQueue(): Queue<AnalysisQueueJobData> {
  if (!globalForQueue.__clauseflowQueue) {
    const connection = createRedisConnection("producer");
    const queue = new Queue<AnalysisQueueJobData>(ANALYSIS_QUEUE, {
      connection,
      prefix: env.QUEUE_PREFIX,
    });
    queue.on("error", () => {}); // connection errors are logged once by the connection itself
    globalForQueue.__clauseflowQueue = { queue, connection };
  }
  return globalForQueue.__clauseflowQueue.queue;
}

export async function closeAnalysisQueue(): Promise<void> {
  const holder = globalForQueue.__clauseflowQueue;
  if (!holder) return;
  globalForQueue.__clauseflowQueue = undefined;
  await holder.queue.close().catch(() => {});
  holder.connection.disconnect();
}

/**
 * The producer queue once its connection is up. The producer fails fast (no offline queue), so
 * commands sent while it is still connecting would fail; wait for `ready`, but never long.
 */
export async function getReadyAnalysisQueue(
  timeoutMs = 2_000,
): Promise<Queue<AnalysisQueueJobData>> {
  const queue = getAnalysisQueue();
  const { connection } = globalForQueue.__clauseflowQueue!;
  if (connection.status === "ready") return queue;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      connection.off("ready", onReady);
      reject(new Error(`Redis not ready after ${timeoutMs} ms (status ${connection.status})`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    connection.once("ready", onReady);
  });
  return queue;
}

/** Round trip to Redis on the producer connection (health checks). */
export async function pingRedis(): Promise<void> {
  await getReadyAnalysisQueue();
  await globalForQueue.__clauseflowQueue!.connection.ping();
}
