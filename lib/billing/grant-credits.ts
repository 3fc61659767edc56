import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { creditBalances, creditEntries } from "@/lib/db/schema";

/** Adds credits to a user's available balance (sign-up grant, admin grant). Call inside a tx. */
export async function grantCredits(
  tx: DbOrTx,
  input: {
    userId: string;
    amount: number;
    reason: string;
    actorId?: string | null;
    /** One grant per fact (e.g. `signup-grant:<userId>`): a second insert fails on the key. */
    idempotencyKey?: string;
  },
): Promise<void> {
  if (!Number.isInteger(input.amount) || input.amount <= 0) {
    throw new RangeError("A grant must be a positive whole number of credits.");
  }
  await tx.insert(creditEntries).values({
    userId: input.userId,
    kind: "grant",
    amount: input.amount,
    reason: input.reason,
    actorId: input.actorId ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
  });
  await tx
    .update(creditBalances)
    .set({
      available: sql`${creditBalances.available} + ${input.amount}`,
      granted: sql`${creditBalances.granted} + ${input.amount}`,
      updatedAt: sql`now()`,
    })
    .where(eq(creditBalances.userId, input.userId));
}
