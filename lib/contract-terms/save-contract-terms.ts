import { and, eq, isNull, sql } from "drizzle-orm";
import { analysisResultSchema } from "@/lib/analysis/result-schema";
import type { DbOrTx } from "@/lib/db/client";
import { analyses, contractTerms } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { type DerivedContractTerms, deriveContractTerms } from "./derive-contract-terms";

/** The row of a result that cannot be read: present (the backfill is done with it), but empty. */
const unreadable = (resultVersion: number): DerivedContractTerms => ({
  resultVersion,
  title: null,
  contractType: null,
  counterparty: null,
  parties: [],
  effectiveDate: null,
  expirationDate: null,
  expirationEstimated: false,
  perpetual: false,
  autoRenews: null,
  renewalTerm: null,
  noticePeriod: null,
  governingLaw: null,
  riskCodes: [],
  highRiskCount: 0,
});

/**
 * Writes (or rewrites) the `contract_terms` row of one analysis from its stored result, in the
 * caller's transaction: the capture calls it in the transaction that stores the memo, so a
 * succeeded analysis never lacks its row once committed; the backfill calls it for older ones.
 * Only a succeeded, non-deleted analysis gets a row. Returns whether one was written.
 */
export async function saveContractTerms(tx: DbOrTx, analysisId: string): Promise<boolean> {
  const [analysis] = await tx
    .select({
      userId: analyses.userId,
      result: analyses.result,
      resultVersion: analyses.resultVersion,
    })
    .from(analyses)
    .where(
      and(
        eq(analyses.id, analysisId),
        eq(analyses.status, "succeeded"),
        isNull(analyses.deletedAt),
      ),
    )
    // A deletion takes the row FOR UPDATE: it waits for this write (then removes the row), or
    // this waits for it (then sees the tombstone and writes nothing).
    .for("share");
  if (!analysis) return false;
  const parsed = analysisResultSchema.safeParse(analysis.result);
  if (!parsed.success) {
    // A result of another version or shape: keep the row empty rather than fail the capture.
    logger.warn(
      { analysisId, issues: parsed.error.issues.length },
      "contract terms: unreadable result",
    );
  }
  const terms = parsed.success
    ? deriveContractTerms(parsed.data)
    : unreadable(analysis.resultVersion ?? 0);
  await tx
    .insert(contractTerms)
    .values({ analysisId, userId: analysis.userId, ...terms })
    .onConflictDoUpdate({
      target: contractTerms.analysisId,
      set: { ...terms, updatedAt: sql`now()` },
    });
  return true;
}
