import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { analyses, creditBalances, creditEntries } from "@/lib/db/schema";
import { logger } from "@/lib/logger";

export type Settlement = "capture" | "release";

/**
 * Captures or releases an analysis's hold. The amount is always the hold's own amount — no caller
 * can pass one. Idempotent: settling twice the same way is a no-op; the opposite settlement after
 * one exists is refused (the unique index guarantees at most one) and logged.
 */
export async function settleHold(
  tx: Tx,
  input: { analysisId: string; settlement: Settlement },
): Promise<{ applied: boolean; amount: number }> {
  const [hold] = await tx
    .select({ userId: creditEntries.userId, amount: creditEntries.amount })
    .from(creditEntries)
    .where(and(eq(creditEntries.analysisId, input.analysisId), eq(creditEntries.kind, "hold")));
  if (!hold) return { applied: false, amount: 0 };

  // design.md invariant 3, checked here too: capture only what succeeded, release only what ended
  // unpaid. Callers change the status earlier in this same transaction.
  const [analysis] = await tx
    .select({ status: analyses.status })
    .from(analyses)
    .where(eq(analyses.id, input.analysisId));
  const allowed = input.settlement === "capture" ? ["succeeded"] : ["failed", "cancelled"];
  if (!analysis || !allowed.includes(analysis.status)) {
    logger.error(
      { analysisId: input.analysisId, status: analysis?.status, refused: input.settlement },
      "settlement refused: it does not match the analysis status",
    );
    return { applied: false, amount: hold.amount };
  }

  const inserted = await tx
    .insert(creditEntries)
    .values({
      userId: hold.userId,
      analysisId: input.analysisId,
      kind: input.settlement,
      amount: hold.amount,
    })
    .onConflictDoNothing()
    .returning({ id: creditEntries.id });

  if (inserted.length === 0) {
    const [existing] = await tx
      .select({ kind: creditEntries.kind })
      .from(creditEntries)
      .where(
        and(
          eq(creditEntries.analysisId, input.analysisId),
          inArray(creditEntries.kind, ["capture", "release"]),
        ),
      );
    if (existing && existing.kind !== input.settlement) {
      logger.error(
        { analysisId: input.analysisId, existing: existing.kind, refused: input.settlement },
        "settlement refused: the hold is already settled the other way",
      );
    }
    return { applied: false, amount: hold.amount };
  }

  const moved =
    input.settlement === "capture"
      ? {
          held: sql`${creditBalances.held} - ${hold.amount}`,
          spent: sql`${creditBalances.spent} + ${hold.amount}`,
        }
      : {
          held: sql`${creditBalances.held} - ${hold.amount}`,
          available: sql`${creditBalances.available} + ${hold.amount}`,
        };
  await tx
    .update(creditBalances)
    .set({ ...moved, updatedAt: sql`now()` })
    .where(eq(creditBalances.userId, hold.userId));
  return { applied: true, amount: hold.amount };
}
