import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { creditBalances, creditEntries } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Moves `amount` from available to held for one analysis. The balance row is locked first, so the
 * check, the shortfall we report and the update all see the same balance; concurrent holds of one
 * user queue on that lock. The CHECK (available >= 0) backs this up in the database.
 */
export async function holdCredits(
  tx: Tx,
  input: { userId: string; analysisId: string; amount: number },
): Promise<void> {
  // A free analysis (an admin's free retry, price 0) moves no credits and writes no entry.
  if (input.amount === 0) return;
  const [balance] = await tx
    .select({ available: creditBalances.available })
    .from(creditBalances)
    .where(eq(creditBalances.userId, input.userId))
    .for("update");
  const available = balance?.available ?? 0;
  if (available < input.amount) {
    const missing = input.amount - available;
    throw new AppError(
      "insufficient_credits",
      `This analysis costs ${input.amount} credits but you have ${available} available: ${missing} more ${missing === 1 ? "credit is" : "credits are"} needed. Nothing was charged.`,
      { price: input.amount, available, missing },
    );
  }
  await tx
    .update(creditBalances)
    .set({
      available: sql`${creditBalances.available} - ${input.amount}`,
      held: sql`${creditBalances.held} + ${input.amount}`,
      updatedAt: sql`now()`,
    })
    .where(eq(creditBalances.userId, input.userId));
  await tx.insert(creditEntries).values({
    userId: input.userId,
    analysisId: input.analysisId,
    kind: "hold",
    amount: input.amount,
  });
}
