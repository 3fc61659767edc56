import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";
import { saveContractTerms } from "./save-contract-terms";

/** Once the backlog is done, how long a process waits before looking again. Only analyses
 *  captured before contract_terms existed lack a row (the capture writes it), so after the
 *  first complete pass there is rarely anything to find, and the anti-join scans every
 *  succeeded analysis. */
const IDLE_RECHECK_MS = 10 * 60_000;
let idleUntil = 0;

/**
 * Succeeded analyses captured before `contract_terms` existed get their row, `limit` per
 * maintenance pass so a large backlog does not hold up the pass. Deleted analyses are skipped
 * (their result is gone). Every analysis it selects gets a row (an empty one when its result
 * cannot be read), so the backlog only shrinks. Returns how many rows it wrote.
 */
export async function backfillContractTerms(
  options: {
    limit?: number /** Look even if a recent pass found the backlog done. */;
    force?: boolean;
  } = {},
): Promise<number> {
  const { limit = 200, force = false } = options;
  if (!force && Date.now() < idleUntil) return 0;
  const missing = await db
    .select({ id: analyses.id })
    .from(analyses)
    .where(
      and(
        eq(analyses.status, "succeeded"),
        isNull(analyses.deletedAt),
        sql`not exists (select 1 from contract_terms t where t.analysis_id = ${analyses.id})`,
      ),
    )
    .limit(limit);
  if (missing.length < limit) idleUntil = Date.now() + IDLE_RECHECK_MS;
  let written = 0;
  for (const { id } of missing) {
    // Its own transaction: a deletion committing meanwhile is seen by the re-read inside.
    if (await db.transaction((tx) => saveContractTerms(tx, id))) written++;
  }
  return written;
}
