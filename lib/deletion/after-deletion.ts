import { admitAndEnqueue } from "@/lib/admission/admit-analyses";
import { getReadyAnalysisQueue } from "@/lib/jobs/analysis-queue";
import { logger } from "@/lib/logger";

/**
 * After a deletion committed: analyses it ended freed their owner's units (admission lets the
 * next one in) and their queued jobs are removed. Best effort, like after a cancel: a job left
 * behind finds its analysis ended (and its attempt bumped) and writes nothing.
 */
export async function afterDeletion(
  userId: string,
  cancelledIds: readonly string[],
): Promise<void> {
  if (cancelledIds.length === 0) return;
  await admitAndEnqueue([userId]).catch((error: Error) =>
    logger.warn({ err: error.message }, "admission after a deletion failed; maintenance retries"),
  );
  const queue = await getReadyAnalysisQueue().catch(() => null);
  for (const id of cancelledIds) {
    await queue
      ?.remove(id)
      .catch((error: Error) => logger.debug({ err: error.message }, "queued job not removed"));
  }
}
