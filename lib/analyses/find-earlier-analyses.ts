import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";

/** A succeeded analysis of the same bytes: its memo can be opened instead of paying again. */
export type DuplicateOf = { analysisId: string; finishedAt: string };
/** A queued or running analysis of the same bytes (an upload repeated within seconds). */
export type InProgressOf = { analysisId: string; status: "queued" | "running" };

/**
 * This user's own earlier analyses of a document with the same sha256 (issue 19 part 6): the
 * newest succeeded one and the newest still in progress, never another user's, never a deleted
 * document or analysis. `exceptDocumentId` leaves out the document being quoted or confirmed.
 * Uses the index documents(user_id, sha256).
 */
export async function findEarlierAnalyses(
  db: DbOrTx,
  input: { userId: string; sha256: string; exceptDocumentId?: string },
): Promise<{ duplicateOf: DuplicateOf | null; inProgress: InProgressOf | null }> {
  const except = input.exceptDocumentId ?? null;
  const rows = await db.execute<{
    id: string;
    status: "succeeded" | "queued" | "running";
    finished_at: string | null;
  }>(sql`
    select distinct on (a.status = 'succeeded') a.id, a.status,
      to_char(a.finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as finished_at
    from documents d
    join analyses a on a.document_id = d.id and a.user_id = d.user_id
    where d.user_id = ${input.userId} and d.sha256 = ${input.sha256}
      and d.deleted_at is null and a.deleted_at is null
      and (${except}::uuid is null or d.id <> ${except}::uuid)
      and a.status in ('succeeded', 'queued', 'running')
    order by (a.status = 'succeeded'), coalesce(a.finished_at, a.confirmed_at, a.created_at) desc`);
  const done = rows.find((r) => r.status === "succeeded");
  const active = rows.find((r) => r.status !== "succeeded");
  return {
    duplicateOf: done?.finished_at ? { analysisId: done.id, finishedAt: done.finished_at } : null,
    inProgress:
      active && active.status !== "succeeded"
        ? { analysisId: active.id, status: active.status }
        : null,
  };
}
