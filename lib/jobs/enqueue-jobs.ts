import type { ParentOptions } from "bullmq";
import type { z } from "zod";
import { getReadyAnalysisQueue } from "@/lib/jobs/analysis-queue";
import type { JobDefinition } from "@/lib/jobs/define-job";
import type { AnalysisQueueJobData } from "@/lib/jobs/job-kinds";

/**
 * The one way jobs get on the analysis queue (confirm, relay, chunk fan-out): the kind gives the
 * name, the options and the job id; the payload is checked by the kind's schema before it reaches
 * Redis. One round trip for all `payloads`. Adding a job id that already exists is a no-op in
 * BullMQ, so calling this twice with the same payload is safe. Throws when Redis is unreachable.
 */
export async function enqueueJobs<Schema extends z.ZodType<AnalysisQueueJobData>>(
  kind: JobDefinition<string, Schema>,
  payloads: readonly z.output<Schema>[],
  options: { parent?: ParentOptions } = {},
): Promise<void> {
  const jobs = payloads.map((payload) => {
    const data = kind.schema.parse(payload);
    return {
      name: kind.name,
      data,
      opts: {
        ...kind.options,
        jobId: kind.jobId(data),
        ...(options.parent && { parent: options.parent }),
      },
    };
  });
  // A LIFO job added last runs first: add them last-first so they still start in the order given.
  if (kind.options.lifo) jobs.reverse();
  const queue = await getReadyAnalysisQueue();
  await queue.addBulk(jobs);
}
