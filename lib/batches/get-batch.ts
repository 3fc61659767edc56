import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { analyses, batches, documents } from "@/lib/db/schema";
import { unreadScansMessage } from "@/lib/documents/accept-scanned-pages";
import { notFound } from "@/lib/errors";
import { type BatchSummary, type BatchView, countBatch } from "./batch-view";

/**
 * A batch whose analyses were all deleted is gone too (404, and not listed); one that never had
 * an analysis (every file refused) still shows its problems.
 */
export const batchIsLive = sql`(not exists (select 1 from ${analyses} where ${analyses.batchId} = ${batches.id})
  or exists (select 1 from ${analyses}
    where ${analyses.batchId} = ${batches.id} and ${analyses.deletedAt} is null))`;

/** A batch of the user's with each contract's status, or 404 (someone else's batch included). */
export async function getBatchView(input: { userId: string; batchId: string }): Promise<BatchView> {
  const [batch] = await db
    .select()
    .from(batches)
    .where(and(eq(batches.id, input.batchId), eq(batches.userId, input.userId), batchIsLive));
  if (!batch) throw notFound("Batch");
  const rows = await db
    .select({
      analysisId: analyses.id,
      documentId: documents.id,
      documentName: documents.filename,
      pages: documents.pageCount,
      status: analyses.status,
      priceCredits: analyses.priceCredits,
      percent: analyses.percent,
      errorMessage: analyses.errorMessage,
      quoteWarning: analyses.quoteWarning,
      // Kept with the quote only (its timeline entry): what a deployment without OCR left unread.
      // Read for quotes only, the one status that shows it (the batch page polls this).
      unreadScannedPages: sql<number[] | null>`case when ${analyses.status} = 'quoted' then
        (select e.data->'unreadScannedPages' from analysis_events e
          where e.analysis_id = ${analyses.id} and e.type = 'quoted' order by e.id limit 1) end`,
    })
    .from(analyses)
    .innerJoin(documents, eq(documents.id, analyses.documentId))
    .where(and(eq(analyses.batchId, batch.id), isNull(analyses.deletedAt)))
    .orderBy(asc(analyses.createdAt), asc(analyses.id));
  const files = rows.map(({ unreadScannedPages, ...file }) => ({
    ...file,
    unreadScans:
      unreadScannedPages && unreadScannedPages.length > 0
        ? unreadScansMessage(unreadScannedPages)
        : null,
  }));
  return {
    id: batch.id,
    name: batch.name,
    createdAt: batch.createdAt.toISOString(),
    confirmedAt: batch.confirmedAt?.toISOString() ?? null,
    totalCredits: files
      .filter((f) => f.status !== "expired")
      .reduce((sum, f) => sum + f.priceCredits, 0),
    files,
    problems: batch.problems,
    counts: countBatch(files),
  };
}

const countOf = (status: string) =>
  sql<number>`(count(*) filter (where ${analyses.status} = ${status}))::int`;

/** My batches, newest first, with their counts (one grouped query). `before` pages back. */
export async function listBatchSummaries(input: {
  userId: string;
  limit?: number;
  before?: Date;
}): Promise<BatchSummary[]> {
  const rows = await db
    .select({
      id: batches.id,
      name: batches.name,
      createdAt: batches.createdAt,
      confirmedAt: batches.confirmedAt,
      problemCount: sql<number>`jsonb_array_length(${batches.problems})::int`,
      totalCredits: sql<number>`(coalesce(sum(${analyses.priceCredits}) filter (where ${analyses.status} <> 'expired'), 0))::int`,
      quoted: countOf("quoted"),
      queued: countOf("queued"),
      running: countOf("running"),
      succeeded: countOf("succeeded"),
      failed: countOf("failed"),
      cancelled: countOf("cancelled"),
      expired: countOf("expired"),
    })
    .from(batches)
    .leftJoin(analyses, and(eq(analyses.batchId, batches.id), isNull(analyses.deletedAt)))
    .where(
      and(
        eq(batches.userId, input.userId),
        batchIsLive,
        input.before ? lt(batches.createdAt, input.before) : undefined,
      ),
    )
    .groupBy(batches.id)
    .orderBy(desc(batches.createdAt))
    .limit(input.limit ?? 50);
  return rows.map(({ quoted, queued, running, succeeded, failed, cancelled, expired, ...b }) => {
    const done = succeeded + failed + cancelled + expired;
    return {
      ...b,
      createdAt: b.createdAt.toISOString(),
      confirmedAt: b.confirmedAt?.toISOString() ?? null,
      counts: {
        total: done + quoted + queued + running,
        done,
        succeeded,
        failed,
        cancelled,
        expired,
        quoted,
        queued,
        running,
      },
    };
  });
}
