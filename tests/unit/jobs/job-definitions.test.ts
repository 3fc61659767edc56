import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { analyzeChunkJob } from "@/lib/jobs/definitions/analyze-chunk-job";
import { analyzeJob } from "@/lib/jobs/definitions/analyze-job";
import { enqueueJobs } from "@/lib/jobs/enqueue-jobs";
import { isJobName, jobKinds } from "@/lib/jobs/job-kinds";

const addBulk = vi.fn(async (_jobs: unknown[]) => []);
vi.mock("@/lib/jobs/analysis-queue", () => ({
  getReadyAnalysisQueue: async () => ({ addBulk }),
}));

const analysisId = randomUUID();

describe("job kinds: one object per kind", () => {
  it("keeps the names jobs already waiting in Redis are filed under", () => {
    expect(Object.keys(jobKinds).sort()).toEqual(["analyze", "analyze-chunk"]);
    expect(jobKinds.analyze).toBe(analyzeJob);
    expect(jobKinds["analyze-chunk"]).toBe(analyzeChunkJob);
    expect(isJobName("analyze-chunk")).toBe(true);
    expect(isJobName("toString")).toBe(false);
  });

  it("gives an analysis job the analysis id, and a chunk job one per attempt and chunk", () => {
    expect(analyzeJob.jobId({ analysisId })).toBe(analysisId);
    expect(analyzeJob.jobId({ analysisId, resumeAttempt: 2 })).toBe(analysisId);
    const chunkId = analyzeChunkJob.jobId({ analysisId, parentAttempt: 2, chunkIndex: 7 });
    expect(chunkId).toBe(`${analysisId}-a2-c7`);
    // BullMQ refuses ids with ':' (its key separator).
    expect(chunkId).not.toContain(":");
    expect(analyzeChunkJob.jobId({ analysisId, parentAttempt: 3, chunkIndex: 7 })).not.toBe(
      chunkId,
    );
  });

  it("refuses payloads that drift from the schema", () => {
    const refused = [
      analyzeJob.schema.safeParse({ analysisId: "not-a-uuid" }),
      analyzeJob.schema.safeParse({ id: analysisId }),
      analyzeJob.schema.safeParse({ analysisId, resumeAttempt: 0 }),
      analyzeChunkJob.schema.safeParse({ analysisId, chunkIndex: 1 }),
      analyzeChunkJob.schema.safeParse({ analysisId, chunkIndex: -1, parentAttempt: 1 }),
      analyzeChunkJob.schema.safeParse({ analysisId, chunkIndex: 1, attempt: 1 }),
      analyzeChunkJob.schema.safeParse({ analysisId, chunkIndex: "1", parentAttempt: 1 }),
    ];
    expect(refused.map((r) => r.success)).toEqual(refused.map(() => false));
    expect(analyzeChunkJob.schema.parse({ analysisId, chunkIndex: 0, parentAttempt: 1 })).toEqual({
      analysisId,
      chunkIndex: 0,
      parentAttempt: 1,
    });
  });

  it("keeps the retry and retention options; chunks jump the queue and fail their parent", () => {
    const retryAndRetention = {
      attempts: env.JOB_ATTEMPTS,
      backoff: { type: "exponential", delay: 2_000, jitter: 0.5 },
      removeOnComplete: { age: 3_600, count: 1_000 },
      removeOnFail: { age: 24 * 3_600, count: 5_000 },
    };
    expect(analyzeJob.options).toEqual(retryAndRetention);
    expect(analyzeChunkJob.options).toEqual({
      ...retryAndRetention,
      lifo: true,
      failParentOnFailure: true,
    });
  });
});

describe("enqueueJobs", () => {
  beforeEach(() => addBulk.mockClear());

  it("adds a job under the kind's name, id and options", async () => {
    await enqueueJobs(analyzeJob, [{ analysisId }]);
    expect(addBulk).toHaveBeenCalledWith([
      { name: "analyze", data: { analysisId }, opts: { ...analyzeJob.options, jobId: analysisId } },
    ]);
  });

  it("adds LIFO chunks last-first under their parent, so they start in the order given", async () => {
    const parent = { id: analysisId, queue: "bull:analysis" };
    const chunks = [1, 2, 3].map((chunkIndex) => ({ analysisId, chunkIndex, parentAttempt: 1 }));
    await enqueueJobs(analyzeChunkJob, chunks, { parent });
    const jobs = addBulk.mock.calls[0]?.[0] as { data: unknown; opts: Record<string, unknown> }[];
    expect(jobs.map((job) => job.opts.jobId)).toEqual([
      `${analysisId}-a1-c3`,
      `${analysisId}-a1-c2`,
      `${analysisId}-a1-c1`,
    ]);
    expect(jobs.every((job) => job.opts.parent === parent && job.opts.lifo === true)).toBe(true);
  });

  it("refuses a payload its schema refuses before anything reaches Redis", async () => {
    const drifted = { analysisId: "42" };
    await expect(enqueueJobs(analyzeJob, [drifted])).rejects.toThrow(/analysisId/);
    expect(addBulk).not.toHaveBeenCalled();
  });
});
