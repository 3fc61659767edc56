import type { AnalysisView } from "@/components/api-types";
import { isActive } from "@/lib/analyses/analysis-status";

export function anyActive(analyses: readonly AnalysisView[] | undefined): boolean {
  return (analyses ?? []).some((a) => isActive(a.status));
}

export function clampPercent(percent: number): number {
  return Math.min(100, Math.max(0, Math.round(percent)));
}

/**
 * "Step 2 of 7 — Identifying the contract". The worker writes `stepIndex` 1-based (0 before it
 * starts, `stepCount` when done); clamped so the text never reads "Step 0" or "8 of 7".
 */
export function stepText(a: AnalysisView): string {
  if (a.status === "queued") return "Waiting for a worker…";
  const { stepIndex, stepCount, stepName } = a.progress;
  if (stepCount <= 0) return stepName ?? "Starting…";
  const k = Math.min(stepCount, Math.max(1, stepIndex));
  return `Step ${k} of ${stepCount} — ${stepName ?? "Working"}`;
}

/** "Analyzed 120 of 300 pages (3 of 8 parts)" while a chunked analysis works through its pages. */
export function pagesText(a: AnalysisView): string | null {
  const { pagesDone, pagesTotal, chunksDone, chunksTotal } = a.progress;
  if (a.status !== "running" || pagesTotal <= 0) return null;
  const pages = `Analyzed ${Math.min(pagesDone, pagesTotal)} of ${pagesTotal} pages`;
  return chunksTotal > 0
    ? `${pages} (${Math.min(chunksDone, chunksTotal)} of ${chunksTotal} parts, in parallel)`
    : pages;
}
