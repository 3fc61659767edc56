import { eq, type SQL, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { creditBalances } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

type Hold = { userId: string; analysisId: string; amount: number };

/**
 * The one way credits are held, as two steps of a `WITH` statement: `held` moves `amount` from
 * available to held only where available ≥ amount — the guard is the update itself, so the check
 * and the move see the same balance and concurrent holds of one user queue on its row lock — and
 * `hold_entry` appends the entry only when it did. The CHECK (available >= 0) backs this up.
 * `holdCredits` runs it on its own; confirm runs it inside the statement that queues the analysis.
 */
export function holdSteps(hold: Hold): SQL {
  return sql`held as (
      update credit_balances
      set available = available - ${hold.amount}::int, held = held + ${hold.amount}::int,
        updated_at = now()
      where user_id = ${hold.userId}::uuid and available >= ${hold.amount}::int
      returning user_id
    ), hold_entry as (
      insert into credit_entries (user_id, analysis_id, kind, amount)
      select user_id, ${hold.analysisId}::uuid, 'hold', ${hold.amount}::int from held
    )`;
}

/**
 * Why a hold did not happen, with the balance as it is now: the statement whose guard refused it
 * waited for any concurrent change of the balance, so this read sees what the guard saw.
 */
export async function insufficientCredits(tx: Tx, hold: Hold): Promise<AppError> {
  const [balance] = await tx
    .select({ available: creditBalances.available })
    .from(creditBalances)
    .where(eq(creditBalances.userId, hold.userId));
  const available = balance?.available ?? 0;
  const missing = Math.max(1, hold.amount - available);
  return new AppError(
    "insufficient_credits",
    `This analysis costs ${hold.amount} credits but you have ${available} available: ${missing} more ${missing === 1 ? "credit is" : "credits are"} needed. Nothing was charged.`,
    { price: hold.amount, available, missing },
  );
}

/** Moves `amount` from available to held for one analysis, or throws `insufficient_credits`. */
export async function holdCredits(tx: Tx, hold: Hold): Promise<void> {
  // A free analysis (an admin's free retry, price 0) moves no credits and writes no entry.
  if (hold.amount === 0) return;
  const [row] = await tx.execute<{ held: boolean }>(
    sql`with ${holdSteps(hold)} select exists (select 1 from held) as held`,
  );
  if (!row?.held) throw await insufficientCredits(tx, hold);
}
