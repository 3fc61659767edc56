import { and, eq, gte, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { creditBalances, creditEntries } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Moves `amount` from available to held for one analysis. The guarded update (`available >= amount`)
 * is what makes concurrent holds safe: the row lock serializes them and the loser sees the new total.
 */
export async function holdCredits(
  tx: Tx,
  input: { userId: string; analysisId: string; amount: number },
): Promise<void> {
  const updated = await tx
    .update(creditBalances)
    .set({
      available: sql`${creditBalances.available} - ${input.amount}`,
      held: sql`${creditBalances.held} + ${input.amount}`,
      updatedAt: sql`now()`,
    })
    .where(
      and(eq(creditBalances.userId, input.userId), gte(creditBalances.available, input.amount)),
    )
    .returning({ available: creditBalances.available });
  if (updated.length === 0) {
    const [balance] = await tx
      .select({ available: creditBalances.available })
      .from(creditBalances)
      .where(eq(creditBalances.userId, input.userId));
    const available = balance?.available ?? 0;
    const missing = input.amount - available;
    throw new AppError(
      "insufficient_credits",
      `This analysis costs ${input.amount} credits but you have ${available} available: ${missing} more ${missing === 1 ? "credit is" : "credits are"} needed. Nothing was charged.`,
      { price: input.amount, available, missing },
    );
  }
  await tx.insert(creditEntries).values({
    userId: input.userId,
    analysisId: input.analysisId,
    kind: "hold",
    amount: input.amount,
  });
}
