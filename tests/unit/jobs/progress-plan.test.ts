import { describe, expect, it } from "vitest";
import { CHUNKED_STEP_COUNT, PIPELINE_STEP_COUNT } from "@/lib/jobs/analysis-steps-plan";
import { planChunks } from "@/lib/jobs/plan-chunks";
import {
  CHUNKED_PERCENT,
  chunkedPercent,
  forwardPercent,
  isChunkedDocument,
  singlePassPercent,
  stepCountFor,
} from "@/lib/jobs/progress-plan";

describe("the progress plan, known from the document", () => {
  it("chunks only PDFs over the chunk size", () => {
    expect(isChunkedDocument({ kind: "pdf", pageCount: 75 }, 40)).toBe(true);
    expect(isChunkedDocument({ kind: "pdf", pageCount: 40 }, 40)).toBe(false);
    expect(isChunkedDocument({ kind: "docx", pageCount: 75 }, 40)).toBe(false);
    expect(stepCountFor({ kind: "pdf", pageCount: 75 }, 40)).toBe(CHUNKED_STEP_COUNT);
    expect(stepCountFor({ kind: "text", pageCount: 3 }, 40)).toBe(PIPELINE_STEP_COUNT);
  });
});

describe("single-pass percent", () => {
  it("rises with every step, from 0 and below 100 until the memo is saved", () => {
    const percents = Array.from({ length: PIPELINE_STEP_COUNT }, (_, i) =>
      singlePassPercent(i + 1, PIPELINE_STEP_COUNT),
    );
    expect(percents[0]).toBe(0);
    for (let i = 1; i < percents.length; i++) {
      expect(percents[i]).toBeGreaterThan(percents[i - 1] ?? 0);
    }
    expect(percents.at(-1)).toBeLessThan(100);
    expect(singlePassPercent(0, 7)).toBe(0);
    expect(singlePassPercent(99, 7)).toBe(singlePassPercent(7, 7));
  });
});

describe("chunked percent follows pages done", () => {
  it("goes identified → pages → merging, monotonic over a 75-page plan", () => {
    const plan = planChunks(75, 40);
    const sequence = [0, CHUNKED_PERCENT.identified];
    let pagesDone = 0;
    for (const chunk of plan) {
      pagesDone += chunk.ownedPages;
      sequence.push(chunkedPercent(pagesDone, 75));
    }
    sequence.push(CHUNKED_PERCENT.merging, 100);
    expect(pagesDone).toBe(75);
    expect(sequence).toEqual([0, 10, 10 + Math.floor((85 * 40) / 75), 95, 95, 100]);
    for (let i = 1; i < sequence.length; i++) {
      expect(sequence[i]).toBeGreaterThanOrEqual(sequence[i - 1] ?? 0);
    }
  });

  it("never exceeds the pages share, whatever the counters say", () => {
    expect(chunkedPercent(0, 75)).toBe(CHUNKED_PERCENT.identified);
    expect(chunkedPercent(200, 75)).toBe(CHUNKED_PERCENT.merging);
    expect(chunkedPercent(5, 0)).toBe(CHUNKED_PERCENT.identified);
  });
});

describe("forwardPercent", () => {
  it("keeps the higher percent: a retried attempt starting at step 1 does not go back", () => {
    expect(forwardPercent(53, 0)).toBe(53);
    expect(forwardPercent(53, 95)).toBe(95);
    expect(forwardPercent(90, 140)).toBe(100);
  });
});
