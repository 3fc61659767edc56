import type { Queue } from "bullmq";
import { getReadyAnalysisQueue } from "@/lib/jobs/analysis-queue";

export const QUEUE_STATES = [
  "waiting",
  "active",
  "delayed",
  "failed",
  "completed",
  "prioritized",
  "waiting-children",
] as const;

export type QueueState = (typeof QUEUE_STATES)[number];
export type QueueJobCounts = Record<QueueState, number>;
export type GetQueue = () => Promise<Pick<Queue, "getJobCounts">>;

/**
 * Jobs per BullMQ state on the analysis queue. Rejects when Redis does not answer within
 * `timeoutMs`: a scrape must answer well inside Prometheus's scrape timeout even with Redis down.
 */
export async function countQueueJobs(
  getQueue: GetQueue = getReadyAnalysisQueue,
  timeoutMs = 1_000,
): Promise<QueueJobCounts> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis gave no job counts in ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    const counts = await Promise.race([
      getQueue().then((queue) => queue.getJobCounts(...QUEUE_STATES)),
      timeout,
    ]);
    return Object.fromEntries(QUEUE_STATES.map((s) => [s, counts[s] ?? 0])) as QueueJobCounts;
  } finally {
    clearTimeout(timer);
  }
}
