import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { type AnalysisView, toAnalysisView } from "@/lib/analyses/analysis-view";
import { getQueuePosition } from "@/lib/analyses/get-queue-position";
import { db } from "@/lib/db/client";
import { analyses, documentOcrPages, documents } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

// Every column a view needs, without the memo and result blobs.
const viewColumns = {
  id: analyses.id,
  userId: analyses.userId,
  documentId: analyses.documentId,
  status: analyses.status,
  priceCredits: analyses.priceCredits,
  attempt: analyses.attempt,
  stepIndex: analyses.stepIndex,
  stepCount: analyses.stepCount,
  stepName: analyses.stepName,
  percent: analyses.percent,
  chunksDone: analyses.chunksDone,
  chunksTotal: analyses.chunksTotal,
  pagesDone: analyses.pagesDone,
  pagesTotal: analyses.pagesTotal,
  heartbeatAt: analyses.heartbeatAt,
  cancelRequestedAt: analyses.cancelRequestedAt,
  errorCode: analyses.errorCode,
  errorMessage: analyses.errorMessage,
  resultVersion: analyses.resultVersion,
  workerId: analyses.workerId,
  createdAt: analyses.createdAt,
  quoteExpiresAt: analyses.quoteExpiresAt,
  confirmedAt: analyses.confirmedAt,
  admittedAt: analyses.admittedAt,
  batchId: analyses.batchId,
  startedAt: analyses.startedAt,
  finishedAt: analyses.finishedAt,
  updatedAt: analyses.updatedAt,
  deletedAt: analyses.deletedAt,
  quoteWarning: analyses.quoteWarning,
  hasMemo: sql<boolean>`${analyses.memoMarkdown} is not null`,
  // Only cancelled rows look in the audit log (indexed by analysis): polls of the others pay nothing.
  adminCancelReason: sql<string | null>`case when ${analyses.status} = 'cancelled' then (
    select aa.reason from admin_actions aa
    where aa.analysis_id = ${analyses.id} and aa.kind = 'cancel_analysis'
    order by aa.id desc limit 1) end`,
  // While a running analysis's scans are read, how many of them are (issue 21): the pages OCR has
  // saved, whichever process read them — the parent or any chunk of a chunked analysis — so the
  // label counts over the whole document. Only running analyses with scans pay the (indexed) count.
  scannedPagesRead: sql<number | null>`case
    when ${analyses.status} = 'running' and cardinality(${documents.scannedPages}) > 0 then (
      select count(*)::int from ${documentOcrPages}
      where ${documentOcrPages.documentId} = ${analyses.documentId}
        and ${documentOcrPages.pageNumber} = any(${documents.scannedPages})) end`,
  scannedPagesTotal: sql<number>`cardinality(${documents.scannedPages})`,
  filename: documents.filename,
  bytesPurgedAt: documents.bytesPurgedAt,
};

export function selectAnalysisViews() {
  return db
    .select(viewColumns)
    .from(analyses)
    .innerJoin(documents, eq(documents.id, analyses.documentId));
}

export type AnalysisViewRow = Awaited<ReturnType<typeof selectAnalysisViews>>[number];

export const rowToView = (row: AnalysisViewRow): AnalysisView => toAnalysisView(row, row);

// Every status poll runs this: built once, so a poll costs the read and not the query building.
const analysisViewQuery = selectAnalysisViews()
  .where(
    and(
      eq(analyses.id, sql.placeholder("analysisId")),
      eq(analyses.userId, sql.placeholder("userId")),
      // A deleted analysis answers 404 to everyone, its owner included.
      isNull(analyses.deletedAt),
    ),
  )
  .prepare("analysis_view");

/**
 * One analysis of this user; someone else's is reported as not found, never as forbidden. A
 * queued one comes with its place in the queue and estimated start (one more read, only then).
 */
export async function getAnalysisView(input: {
  userId: string;
  analysisId: string;
}): Promise<AnalysisView> {
  const [row] = await analysisViewQuery.execute(input);
  if (!row) throw notFound("Analysis");
  const view = rowToView(row);
  if (view.status === "queued") view.queue = await getQueuePosition(input);
  return view;
}

/** What every memo download is made from: the stored Markdown, the result and the document facts. */
export type StoredMemo = {
  markdown: string;
  /** The analysis result as stored (validate before use: it is JSON from the database). */
  result: unknown;
  documentName: string;
  pageCount: number;
  /** PDFs are cited by page, DOCX and text by paragraph (as the extractors number them). */
  unitLabel: "page" | "paragraph";
  /** When the memo was written: the analysis finished in the same transaction. */
  generatedAt: Date;
};

/** The memo of a succeeded analysis of this user. */
export async function getAnalysisMemo(input: {
  userId: string;
  analysisId: string;
}): Promise<StoredMemo> {
  const [row] = await db
    .select({
      markdown: analyses.memoMarkdown,
      result: analyses.result,
      finishedAt: analyses.finishedAt,
      documentName: documents.filename,
      documentKind: documents.kind,
      pageCount: documents.pageCount,
    })
    .from(analyses)
    .innerJoin(documents, eq(documents.id, analyses.documentId))
    .where(
      and(
        eq(analyses.id, input.analysisId),
        eq(analyses.userId, input.userId),
        isNull(analyses.deletedAt),
        isNotNull(analyses.memoMarkdown),
      ),
    );
  if (!row?.markdown) throw notFound("Memo");
  return {
    markdown: row.markdown,
    result: row.result,
    documentName: row.documentName,
    pageCount: row.pageCount,
    unitLabel: row.documentKind === "pdf" ? "page" : "paragraph",
    generatedAt: row.finishedAt ?? new Date(),
  };
}
