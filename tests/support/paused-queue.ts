import { Queue } from "bullmq";
import { ANALYSIS_QUEUE } from "@/lib/jobs/analysis-queue";

/**
 * Runs `fn` while the stack's analysis queue is paused, so analyses confirmed meanwhile stay
 * `queued` (no worker takes them); always resumes, also when `fn` throws.
 */
export async function withPausedQueue<T>(
  stack: { redisUrl: string; queuePrefix: string },
  fn: (queue: Queue) => Promise<T>,
): Promise<T> {
  const queue = new Queue(ANALYSIS_QUEUE, {
    connection: { url: stack.redisUrl },
    prefix: stack.queuePrefix,
  });
  await queue.pause();
  try {
    return await fn(queue);
  } finally {
    await queue.resume();
    await queue.close();
  }
}
