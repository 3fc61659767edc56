import { and, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { settleHold } from "@/lib/billing/settle-hold";
import type { Tx } from "@/lib/db/client";
import {
  analyses,
  analysisChunks,
  analysisEvents,
  contractTerms,
  documentBlobs,
  documentOcrPages,
  documents,
  idempotencyKeys,
} from "@/lib/db/schema";

/** What a deleted document is called from then on (admins see the tombstone, never the name). */
export const DELETED_DOCUMENT_NAME = "Deleted document";

export type PurgeOutcome = {
  /** Analyses that became tombstones. */
  analyses: number;
  documents: number;
  /** Analyses that were queued or running: ended, their holds released (the job is removed
   *  after commit). */
  cancelledIds: string[];
  releasedCredits: number;
};

const textArray = (values: readonly string[]): SQL =>
  values.length === 0
    ? sql`array[]::text[]`
    : sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`;

/**
 * Purges analyses and documents of one user at once, in the caller's transaction: the bytes,
 * the name, the memo, the result, the chunk findings, error texts, timeline data, unsent mails
 * about them. Rows stay as tombstones (`deleted_at`): the append-only ledger's entries point at
 * them. An analysis still queued or running is ended first and its hold released, in this same
 * transaction; its attempt is bumped, so a worker still running it is fenced out (its progress,
 * memo and capture all carry `WHERE attempt = mine AND status = 'running'`).
 *
 * The caller holds the documents' row locks (as confirm and retry take them), so nothing starts
 * on them meanwhile. Lock order here: chunk rows, then analysis rows, then the ledger — the
 * order a worker's chunk writes take them in, so the two never wait on each other in a cycle.
 */
export async function purgeContent(
  tx: Tx,
  input: { userId: string; analysisIds: readonly string[]; documentIds: readonly string[] },
): Promise<PurgeOutcome> {
  const analysisIds = [...new Set(input.analysisIds)];
  const documentIds = [...new Set(input.documentIds)];
  // Read the names before they are replaced: mails that mention them are erased too.
  const named =
    documentIds.length === 0
      ? []
      : await tx
          .select({ filename: documents.filename })
          .from(documents)
          .where(and(inArray(documents.id, documentIds), isNull(documents.deletedAt)));
  await scrubMails(tx, {
    userId: input.userId,
    analysisIds,
    filenames: named.map((d) => d.filename),
  });
  const ended = await purgeAnalyses(tx, analysisIds);
  const purgedDocuments = await purgeDocuments(tx, documentIds);
  if (analysisIds.length > 0) await scrubEmptiedBatches(tx, analysisIds);
  return { ...ended, documents: purgedDocuments };
}

async function purgeAnalyses(
  tx: Tx,
  ids: readonly string[],
): Promise<Omit<PurgeOutcome, "documents">> {
  if (ids.length === 0) return { analyses: 0, cancelledIds: [], releasedCredits: 0 };
  await tx
    .update(analysisChunks)
    .set({ findings: null })
    .where(inArray(analysisChunks.analysisId, [...ids]));
  const rows = await tx
    .select({ id: analyses.id, status: analyses.status })
    .from(analyses)
    .where(and(inArray(analyses.id, [...ids]), isNull(analyses.deletedAt)))
    .for("update");
  // Its key terms quote the contract (parties, title): they go with the result.
  await tx.delete(contractTerms).where(inArray(contractTerms.analysisId, [...ids]));
  if (rows.length === 0) return { analyses: 0, cancelledIds: [], releasedCredits: 0 };
  const liveIds = rows.map((r) => r.id);

  // Quoted, queued and running ones end as cancelled; the bumped attempt fences out a worker.
  const endable = rows.filter((r) => ["quoted", "queued", "running"].includes(r.status));
  const cancelledIds = endable.filter((r) => r.status !== "quoted").map((r) => r.id);
  if (endable.length > 0) {
    await tx
      .update(analyses)
      .set({
        status: "cancelled",
        attempt: sql`${analyses.attempt} + 1`,
        cancelRequestedAt: sql`coalesce(${analyses.cancelRequestedAt}, now())`,
        finishedAt: sql`now()`,
        errorCode: "deleted",
      })
      .where(
        and(
          inArray(
            analyses.id,
            endable.map((r) => r.id),
          ),
          inArray(analyses.status, ["quoted", "queued", "running"]),
        ),
      );
  }
  let releasedCredits = 0;
  for (const analysisId of cancelledIds) {
    const release = await settleHold(tx, { analysisId, settlement: "release" });
    if (release.applied) releasedCredits += release.amount;
  }

  await tx
    .update(analyses)
    .set({
      memoMarkdown: null,
      result: null,
      identification: null,
      errorMessage: null,
      errorDetail: null,
      deletedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(inArray(analyses.id, liveIds));
  // Timeline entries keep their kind and time; their data may quote errors or the document.
  await tx
    .update(analysisEvents)
    .set({ data: null })
    .where(inArray(analysisEvents.analysisId, liveIds));
  await tx.insert(analysisEvents).values(
    rows.map((r) => ({
      analysisId: r.id,
      type: "deleted",
      data: { from: r.status, released: cancelledIds.includes(r.id) },
    })),
  );
  return { analyses: rows.length, cancelledIds, releasedCredits };
}

async function purgeDocuments(tx: Tx, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  await tx.delete(documentBlobs).where(inArray(documentBlobs.documentId, [...ids]));
  // What OCR read on its scans is the document's text too.
  await tx.delete(documentOcrPages).where(inArray(documentOcrPages.documentId, [...ids]));
  // Idempotency keys only name ids, but a replayed confirm has nothing left to answer with.
  await tx.delete(idempotencyKeys).where(inArray(idempotencyKeys.documentId, [...ids]));
  const purged = await tx
    .update(documents)
    .set({
      filename: DELETED_DOCUMENT_NAME,
      sha256: "",
      deletedAt: sql`now()`,
      bytesPurgedAt: sql`coalesce(${documents.bytesPurgedAt}, now())`,
    })
    .where(and(inArray(documents.id, [...ids]), isNull(documents.deletedAt)))
    .returning({ id: documents.id });
  return purged.length;
}

/**
 * Mails of this user about what is deleted: an unsent one is abandoned, and every one (sent or
 * not) loses its subject and body. Found by the analysis id (dedupe keys and links carry it) or
 * the document's name in the subject or body.
 */
async function scrubMails(
  tx: Tx,
  input: { userId: string; analysisIds: readonly string[]; filenames: readonly string[] },
): Promise<void> {
  // A name of a few characters would match unrelated mails.
  const names = input.filenames.filter((name) => name.length >= 4);
  if (input.analysisIds.length === 0 && names.length === 0) return;
  await tx.execute(sql`
    update mail_outbox m
    set subject = '(deleted)', body_text = null, body_html = null,
      abandoned_at = case when m.sent_at is null then coalesce(m.abandoned_at, now())
        else m.abandoned_at end
    where m.user_id = ${input.userId}
      and (
        exists (select 1 from unnest(${textArray(input.analysisIds)}) as id
          where strpos(coalesce(m.dedupe_key, '') || ' ' || coalesce(m.body_text, '') || ' '
            || coalesce(m.body_html, ''), id) > 0)
        or exists (select 1 from unnest(${textArray(names)}) as name
          where strpos(m.subject || ' ' || coalesce(m.body_text, '') || ' '
            || coalesce(m.body_html, ''), name) > 0)
      )`);
}

/** A bulk upload whose every analysis is deleted loses its name and its problem list (file
 *  names of the upload); one that still has live analyses keeps them. */
async function scrubEmptiedBatches(tx: Tx, analysisIds: readonly string[]): Promise<void> {
  await tx.execute(sql`
    update batches b set name = 'Deleted upload', problems = '[]'::jsonb
    where b.id in (select batch_id from analyses
        where id in (select unnest(${textArray(analysisIds)})::uuid) and batch_id is not null)
      and not exists (select 1 from analyses a where a.batch_id = b.id and a.deleted_at is null)`);
}
