import { type AnalysisStatus, TERMINAL_STATUSES } from "@/lib/analyses/analysis-status";
import type { BatchProblem } from "@/lib/db/schema";

/** One contract of a batch: its analysis as the batch page shows it. */
export type BatchFileView = {
  analysisId: string;
  documentId: string;
  documentName: string;
  pages: number;
  status: AnalysisStatus;
  priceCredits: number;
  percent: number;
  errorMessage: string | null;
  /** `not_a_contract` when the quote warned; confirming then needs `acknowledgeWarnings`. */
  quoteWarning: string | null;
  /** Where OCR is off: the quote's sentence naming the scanned pages that will not be read. */
  unreadScans: string | null;
};

/** How far a batch is. `done` counts every finished analysis, succeeded or not. */
export type BatchCounts = {
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  expired: number;
  quoted: number;
  queued: number;
  running: number;
};

export type BatchView = {
  id: string;
  name: string;
  createdAt: string;
  confirmedAt: string | null;
  /** The quoted price of the batch's contracts (expired quotes left out). */
  totalCredits: number;
  files: BatchFileView[];
  /** Files left out of the batch, each with its reason; nothing is charged for them. */
  problems: BatchProblem[];
  counts: BatchCounts;
};

/** A batch in the list: its counts, not its files. */
export type BatchSummary = Omit<BatchView, "files" | "problems"> & { problemCount: number };

export function countBatch(files: readonly { status: AnalysisStatus }[]): BatchCounts {
  const counts: BatchCounts = {
    total: files.length,
    done: 0,
    succeeded: 0,
    failed: 0,
    cancelled: 0,
    expired: 0,
    quoted: 0,
    queued: 0,
    running: 0,
  };
  for (const { status } of files) {
    counts[status] += 1;
    if (TERMINAL_STATUSES.includes(status)) counts.done += 1;
  }
  return counts;
}
