import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";
import { saveContractTerms } from "./save-contract-terms";

/**
 * Succeeded analyses captured before `contract_terms` existed get their row, `limit` per
 * maintenance pass so a large backlog does not hold up the pass. Deleted analyses are skipped
 * (their result is gone). Every analysis it selects gets a row (an empty one when its result
 * cannot be read), so the backlog only shrinks. Returns how many rows it wrote.
 */
export async function backfillContractTerms(limit = 200): Promise<number> {
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
  let written = 0;
  for (const { id } of missing) {
    // Its own transaction: a deletion committing meanwhile is seen by the re-read inside.
    if (await db.transaction((tx) => saveContractTerms(tx, id))) written++;
  }
  return written;
}
