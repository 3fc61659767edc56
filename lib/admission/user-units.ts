import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";

/**
 * design.md "Admission": the units a user holds and wants, over their admitted analyses that are
 * still queued or running. An analysis holds max(1, its running chunks) — a single pass, or a
 * chunked one identifying or merging, holds one; a fanned-out one holds one per running chunk
 * (its first running chunk uses the analysis's own unit). It wants max(1, running + pending
 * chunks): what it will hold once its chunks get their turn. The same SQL serves the admission
 * pass, the chunk gate and the tests' sampler, so they cannot disagree.
 */
export function userUnitsSql(userId: string): SQL {
  return sql`
    select
      coalesce(sum(greatest(1, c.running)), 0)::int as held,
      coalesce(sum(greatest(1, c.running + c.pending)), 0)::int as wanted
    from analyses a
    cross join lateral (
      select count(*) filter (where status = 'running')::int as running,
        count(*) filter (where status = 'pending')::int as pending
      from analysis_chunks where analysis_id = a.id
    ) c
    where a.user_id = ${userId}::uuid and a.status in ('queued', 'running')
      and a.admitted_at is not null`;
}

/**
 * Serializes every decision that adds to one user's held or wanted units (admitting, starting a
 * chunk) across all processes until the transaction ends; counts read after it are exact.
 */
export async function lockUserAdmission(tx: Tx, userId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`admission:${userId}`}, 0))`,
  );
}

/** Held and wanted units of `userId`, read in `tx` (after lockUserAdmission for exactness). */
export async function readUserUnits(
  tx: Tx,
  userId: string,
): Promise<{ held: number; wanted: number }> {
  const [row] = await tx.execute<{ held: number; wanted: number }>(userUnitsSql(userId));
  return { held: Number(row?.held ?? 0), wanted: Number(row?.wanted ?? 0) };
}
