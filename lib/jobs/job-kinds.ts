import type { JobPayload } from "@/lib/jobs/define-job";
import { analyzeChunkJob } from "@/lib/jobs/definitions/analyze-chunk-job";
import { analyzeJob } from "@/lib/jobs/definitions/analyze-job";

/** Every job kind on the analysis queue, by name: the worker dispatches through this. */
export const jobKinds = {
  [analyzeJob.name]: analyzeJob,
  [analyzeChunkJob.name]: analyzeChunkJob,
} as const;

export type JobKinds = typeof jobKinds;
export type JobName = keyof JobKinds;

/** Any payload on the analysis queue. */
export type AnalysisQueueJobData = JobPayload<JobKinds[JobName]>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobKinds, name);
}
