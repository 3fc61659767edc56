import { sql } from "drizzle-orm";
import { recordAdminAction } from "@/lib/audit/record-admin-action";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/** Documents purged per maintenance pass at most: a pass stays short; the next takes the rest. */
export const RETENTION_BATCH = 200;

/**
 * Retention (DOCUMENT_RETENTION_DAYS > 0): the stored bytes of documents older than that many
 * days are deleted and `bytes_purged_at` set; their analyses, memos and results stay. A
 * document with an analysis queued or running keeps its bytes until it ends. One audit entry
 * per pass that purged something (no actor: the system did it).
 *
 * Two statements in one transaction: the first locks candidates (skipping any a confirm holds),
 * the second — with a fresh snapshot, so an analysis queued by a confirm that committed just
 * before the lock is seen — purges only those with nothing active.
 */
export async function purgeExpiredDocuments(
  options: { retentionDays?: number; limit?: number } = {},
): Promise<{ documents: number }> {
  const days = options.retentionDays ?? env.DOCUMENT_RETENTION_DAYS;
  if (days <= 0) return { documents: 0 };
  const limit = options.limit ?? RETENTION_BATCH;
  return db.transaction(async (tx) => {
    const candidates = await tx.execute<{ id: string }>(sql`
      select id from documents
      where bytes_purged_at is null and created_at < now() - make_interval(days => ${days}::int)
      order by created_at
      limit ${limit}
      for update skip locked`);
    if (candidates.length === 0) return { documents: 0 };
    const ids = sql.join(
      candidates.map((c) => sql`${c.id}::uuid`),
      sql`, `,
    );
    const purged = await tx.execute<{ id: string }>(sql`
      with due as (
        select d.id from documents d
        where d.id in (${ids})
          and not exists (select 1 from analyses a
            where a.document_id = d.id and a.status in ('queued', 'running'))
      ), removed as (
        delete from document_blobs b using due where b.document_id = due.id
      ), recognised as (
        -- OCR text and word boxes of its scans are the document's content too.
        delete from document_ocr_pages o using due where o.document_id = due.id
      )
      update documents d set bytes_purged_at = now() from due where d.id = due.id
      returning d.id`);
    if (purged.length > 0) {
      await recordAdminAction(tx, {
        actorId: null,
        kind: "purge_documents",
        reason: `Retention: uploaded files are kept ${days} ${days === 1 ? "day" : "days"}`,
        data: { documents: purged.length, retentionDays: days },
      });
    }
    return { documents: purged.length };
  });
}
