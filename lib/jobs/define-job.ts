import type { JobsOptions } from "bullmq";
import type { z } from "zod";

/**
 * A job kind in one object: the name BullMQ files it under, the payload schema (the payload type
 * is derived from it, so the two cannot drift), the options every job of the kind gets, and the
 * recipe for its job id. Enqueue (lib/jobs/enqueue-jobs.ts), the relay and the worker's dispatch
 * all take the kind, never a loose name or hand-written options.
 */
export type JobDefinition<Name extends string, Schema extends z.ZodType> = {
  name: Name;
  /** Checked when a job is enqueued and again when the worker runs it. */
  schema: Schema;
  /** Options of every job of this kind; the id comes from `jobId`, never from the caller. */
  options: Readonly<Omit<JobsOptions, "jobId" | "parent">>;
  /** The job's id, derived from its payload: adding an id that exists is a no-op in BullMQ, and
   *  fencing and the relay find jobs by it, so equal work must get equal ids. */
  jobId(payload: z.output<Schema>): string;
};

/** Any job kind (method syntax above keeps a specific kind assignable to this). */
export type AnyJobDefinition = JobDefinition<string, z.ZodType>;

/** The payload of a job kind: what its schema accepts. */
export type JobPayload<Kind extends AnyJobDefinition> = z.output<Kind["schema"]>;

/** Declares a job kind; identity at run time, it exists to infer the payload type once. */
export function defineJob<const Name extends string, Schema extends z.ZodType>(
  definition: JobDefinition<Name, Schema>,
): JobDefinition<Name, Schema> {
  return definition;
}
