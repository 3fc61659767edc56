import type { AnalysisStatus } from "@/lib/analyses/analysis-status";
import type { QueuePosition } from "@/lib/analyses/queue-estimate";
import type { Analysis, Document } from "@/lib/db/schema";
import { scannedPagesLabel } from "@/lib/jobs/scanned-pages-label";

/** What clients (browser, scripts) see of an analysis. Dates are ISO strings. */
export type AnalysisView = {
  id: string;
  documentId: string;
  documentName: string;
  /** The bulk upload it came from, if any (`GET /api/batches/:id`). */
  batchId: string | null;
  status: AnalysisStatus;
  priceCredits: number;
  progress: {
    stepIndex: number;
    stepCount: number;
    stepName: string | null;
    percent: number;
    chunksDone: number;
    chunksTotal: number;
    /** Chunked analyses only (over `CHUNK_PAGES` pages); 0 of 0 otherwise. */
    pagesDone: number;
    pagesTotal: number;
  };
  error: { code: string | null; message: string } | null;
  /** Place and estimated start while queued (the status API only); null otherwise. */
  queue: QueuePosition | null;
  cancelRequested: boolean;
  /** Who cancelled a cancelled analysis: its owner, or our team (audit-logged, with a reason). */
  cancelledBy: "you" | "admin" | null;
  /** The reason an administrator gave when cancelling (null otherwise). */
  cancelReason: string | null;
  hasMemo: boolean;
  /** False once the uploaded file's bytes are gone (DOCUMENT_RETENTION_DAYS): the memo stays,
   *  but it cannot be analyzed again and citations cannot show the page. */
  documentStored: boolean;
  createdAt: string;
  /** When an unconfirmed quote lapses (quoted and expired analyses); null once confirmed. */
  quoteExpiresAt?: string | null;
  confirmedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The step's name, or "Reading scanned pages 12 of 40" while scans remain unread: counted over the
 * whole document, so a chunked analysis (its chunks read their own scans, in parallel) shows it
 * the way a single pass does.
 */
function stepNameOf(a: {
  stepName: string | null;
  scannedPagesRead: number | null;
  scannedPagesTotal: number;
}): string | null {
  const { scannedPagesRead: read, scannedPagesTotal: total } = a;
  return read !== null && read < total ? scannedPagesLabel(read, total) : a.stepName;
}

export function toAnalysisView(
  a: Omit<Analysis, "memoMarkdown" | "result" | "identification" | "errorDetail"> & {
    hasMemo: boolean;
    /** The audit log's reason when an administrator cancelled it (read only for cancelled rows). */
    adminCancelReason: string | null;
    /** Scans of its document read so far, while it runs (null otherwise), and how many it has. */
    scannedPagesRead: number | null;
    scannedPagesTotal: number;
  },
  doc: Pick<Document, "filename" | "bytesPurgedAt">,
): AnalysisView {
  return {
    id: a.id,
    documentId: a.documentId,
    documentName: doc.filename,
    batchId: a.batchId,
    status: a.status,
    priceCredits: a.priceCredits,
    progress: {
      stepIndex: a.stepIndex,
      stepCount: a.stepCount,
      stepName: stepNameOf(a),
      percent: a.percent,
      chunksDone: a.chunksDone,
      chunksTotal: a.chunksTotal,
      pagesDone: a.pagesDone,
      pagesTotal: a.pagesTotal,
    },
    error: a.errorMessage ? { code: a.errorCode, message: a.errorMessage } : null,
    queue: null,
    cancelRequested: a.cancelRequestedAt !== null,
    cancelledBy: a.status !== "cancelled" ? null : a.adminCancelReason !== null ? "admin" : "you",
    cancelReason: a.status === "cancelled" ? a.adminCancelReason : null,
    hasMemo: a.hasMemo,
    documentStored: doc.bytesPurgedAt === null,
    createdAt: a.createdAt.toISOString(),
    quoteExpiresAt: a.status === "quoted" || a.status === "expired" ? iso(a.quoteExpiresAt) : null,
    confirmedAt: iso(a.confirmedAt),
    startedAt: iso(a.startedAt),
    finishedAt: iso(a.finishedAt),
    updatedAt: a.updatedAt.toISOString(),
  };
}
