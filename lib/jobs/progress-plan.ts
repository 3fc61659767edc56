import { CHUNKED_STEP_COUNT, PIPELINE_STEP_COUNT } from "@/lib/jobs/analysis-steps-plan";

/**
 * The progress plan of an analysis, known from its document before any work starts (issue 19
 * part 5): a PDF over `chunkPages` pages is chunked (read and identify → its pages in chunks →
 * merge and memo), anything else runs the single-pass pipeline. Confirm and the claim write the
 * step count from this, so "Step 1 of 7" never becomes "Step 2 of 3" mid-run.
 */
export type DocumentShape = { kind: string; pageCount: number };

export function isChunkedDocument(doc: DocumentShape, chunkPages: number): boolean {
  return doc.kind === "pdf" && doc.pageCount > chunkPages;
}

export function stepCountFor(doc: DocumentShape, chunkPages: number): number {
  return isChunkedDocument(doc, chunkPages) ? CHUNKED_STEP_COUNT : PIPELINE_STEP_COUNT;
}

/**
 * Weights of a chunked analysis's percent: reading the first pages and identifying the contract,
 * then the pages (by pages done, whichever worker did them), then merging and the memo.
 */
export const CHUNKED_PERCENT = { identified: 10, pages: 85, merging: 95 } as const;

/** Percent of a chunked analysis with `pagesDone` of `pagesTotal` pages analysed. */
export function chunkedPercent(pagesDone: number, pagesTotal: number): number {
  const share = pagesTotal > 0 ? Math.min(1, Math.max(0, pagesDone / pagesTotal)) : 0;
  return CHUNKED_PERCENT.identified + Math.floor(CHUNKED_PERCENT.pages * share);
}

/** Percent when step `stepIndex` (1-based) of a single-pass plan of `stepCount` steps starts. */
export function singlePassPercent(stepIndex: number, stepCount: number): number {
  if (stepCount <= 0) return 0;
  const started = Math.min(stepCount, Math.max(1, stepIndex)) - 1;
  return Math.floor((started / stepCount) * 100);
}

/**
 * The percent to show: never below what was shown before — not when a retried attempt starts
 * over at step 1, nor when a slower write lands after a faster one. The database applies the same
 * rule (`greatest(percent, …)`) to every progress write of a running analysis.
 */
export function forwardPercent(previous: number, next: number): number {
  return Math.min(100, Math.max(previous, next));
}
