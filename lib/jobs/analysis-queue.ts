import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { env } from "@/lib/env";
import type { AnalysisQueueJobData } from "@/lib/jobs/job-kinds";
import { createRedisConnection } from "@/lib/jobs/redis-connection";

export const ANALYSIS_QUEUE = "analysis";

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
