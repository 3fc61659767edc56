import { z } from "zod";
import { env } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * The parent job of an analysis. Its id is the analysis id (design.md): enqueueing twice (the
 * confirm, then the relay) is a no-op, and the relay asks BullMQ for the job by the analysis id.
 * `resumeAttempt` is set once it has fanned out into chunks, so that its next run (after the
 * chunks) merges within the same attempt.
 */
export const analyzeJob = defineJob({
  name: "analyze",
  schema: z.object({
    analysisId: z.string().uuid(),
    resumeAttempt: z.number().int().positive().optional(),
  }),
  options: {
    attempts: env.JOB_ATTEMPTS,
    backoff: { type: "exponential", delay: 2_000, jitter: 0.5 },
    // History lives in Postgres; Redis keeps only a short tail for debugging.
    removeOnComplete: { age: 3_600, count: 1_000 },
    removeOnFail: { age: 24 * 3_600, count: 5_000 },
  },
  jobId: ({ analysisId }) => analysisId,
});
