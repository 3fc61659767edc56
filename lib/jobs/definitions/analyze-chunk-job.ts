import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { analyzeJob } from "@/lib/jobs/definitions/analyze-job";

/**
 * One page chunk of a chunked analysis, added as a child of the waiting parent job (a BullMQ
 * flow); `parentAttempt` is the analysis attempt it works for. Chunks jump ahead of waiting
 * analyses (`lifo`): work already started finishes before new work begins. A chunk that spends
 * its retries fails the parent.
 */
export const analyzeChunkJob = defineJob({
  name: "analyze-chunk",
  schema: z.object({
    analysisId: z.string().uuid(),
    chunkIndex: z.number().int().nonnegative(),
    parentAttempt: z.number().int().positive(),
  }),
  // Retried and kept like the analysis it belongs to.
  options: { ...analyzeJob.options, lifo: true, failParentOnFailure: true },
  // BullMQ ids may not contain ':'; the attempt makes a re-planned chunk a new job.
  jobId: ({ analysisId, parentAttempt, chunkIndex }) =>
    `${analysisId}-a${parentAttempt}-c${chunkIndex}`,
});
