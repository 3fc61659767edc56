import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHUNKED_STEP_COUNT } from "@/lib/jobs/analysis-steps-plan";
import { ApiClient } from "@/tests/support/api-client";
import type { UploadResponse } from "@/tests/support/journey";
import { confirm, waitForStatus } from "@/tests/support/journey";
import { makeLargeContractPdf } from "@/tests/support/large-contract-pdf";
import { startTestStack, type TestStack } from "@/tests/support/test-stack";

/**
 * Issue 19 part 5: a 75-page PDF (two chunks at the default CHUNK_PAGES=40) shows one plan from
 * its first running view — the step count never changes — and a percent that never goes back,
 * even when a chunk fails and is retried. Before the fix the API showed "1 of 7" at the claim,
 * then "2 of 3", and 0 % until the first chunk's pages were saved.
 */
let stack: TestStack;
let client: ApiClient;

beforeAll(async () => {
  stack = await startTestStack({
    name: "progress",
    port: 12_000 + Math.floor(Math.random() * 4_000),
    workers: 2,
    workerEnv: {
      ANALYSIS_STEP_DELAY_MS: "700",
      PROGRESS_WRITE_MS: "0",
      // Chunk 1 (pages 41–75) fails its first claim: the retry must not move the bar back.
      TEST_FAIL_CHUNK: "1:1",
      LOG_LEVEL: "info",
    },
  });
  ({ client } = await ApiClient.signUp(stack.baseUrl));
});

afterAll(async () => {
  await stack?.stop();
});

describe("progress of a chunked 75-page PDF", { timeout: 180_000 }, () => {
  it("keeps one step count from the first running view and a non-decreasing percent", async () => {
    const pdf = await makeLargeContractPdf(75);
    const response = await client.upload(pdf, "seventy-five-pages.pdf", "application/pdf");
    expect(response.status).toBe(201);
    const upload = (await response.json()) as UploadResponse;
    expect(upload.document.pageCount).toBe(75);
    const confirmed = await confirm(client, upload.document.id, randomUUID());
    expect(confirmed.status).toBe(202);
    // Known at confirm already: the chunked plan, not the single-pass one.
    expect(confirmed.body.analysis.progress.stepCount).toBe(CHUNKED_STEP_COUNT);

    const { last, seen } = await waitForStatus(
      client,
      confirmed.body.analysis.id,
      ["succeeded", "failed"],
      150_000,
    );
    const sequence = seen.map((a) => ({
      status: a.status,
      step: a.progress.stepIndex,
      of: a.progress.stepCount,
      percent: a.progress.percent,
      pages: a.progress.pagesTotal,
    }));
    // The recorded sequence, for the report (deduplicated).
    console.info(
      "progress sequence:",
      JSON.stringify(
        sequence.filter((s, i) => JSON.stringify(s) !== JSON.stringify(sequence[i - 1])),
      ),
    );
    expect(last.status).toBe("succeeded");
    const running = seen.filter((a) => a.status === "running");
    expect(running.length).toBeGreaterThan(2);
    expect(new Set(running.map((a) => a.progress.stepCount))).toEqual(
      new Set([CHUNKED_STEP_COUNT]),
    );
    // The pages are known from the claim on.
    expect(running.every((a) => a.progress.pagesTotal === 75)).toBe(true);
    // And its chunks (75 pages in 40-page chunks).
    expect(running.every((a) => a.progress.chunksTotal === 2)).toBe(true);
    const percents = seen.filter((a) => a.status !== "queued").map((a) => a.progress.percent);
    for (let i = 1; i < percents.length; i++) {
      expect(percents[i], `percent ${i}: ${percents.join(",")}`).toBeGreaterThanOrEqual(
        percents[i - 1] ?? 0,
      );
    }
    // Not stuck at 0 %: the bar moved through intermediate values before the end.
    expect(new Set(percents.filter((p) => p > 0 && p < 100)).size).toBeGreaterThanOrEqual(2);
    expect(last.progress.percent).toBe(100);
  });
});
