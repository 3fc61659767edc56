import { eq, type SQL, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { creditBalances } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { moreCreditsHint } from "@/lib/purchases/credit-packs";

type Hold = { userId: string; analysisId: string; amount: number };

/**
 * The one way credits are held, as two steps of a `WITH` statement: `held` moves `amount` from
 * available to held only where available ≥ amount — the guard is the update itself, which
 * re-checks the row's latest version if a concurrent change committed meanwhile — and
 * `hold_entry` appends the entry only when it did. The CHECK (available >= 0) backs this up.
 * Run it through `holdWith`, which also answers a refusal.
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

/** A user's available credits under their balance row's lock (null: no such user): nothing can
 *  change them until the transaction ends. */
export async function lockAvailableCredits(tx: Tx, userId: string): Promise<number | null> {
  const [balance] = await tx
    .select({ available: creditBalances.available })
    .from(creditBalances)
    .where(eq(creditBalances.userId, userId))
    .for("update");
  return balance?.available ?? null;
}

/**
 * Runs `write` — a statement made with `holdSteps` that answers whether it held — and, when the
 * balance did not cover the hold, decides under the balance row's lock: still short →
 * `insufficient_credits` with the very balance it was refused on; credits released in the
 * meantime → `write` again, which now holds (nothing can change the locked balance).
 */
export async function holdWith(tx: Tx, hold: Hold, write: () => Promise<boolean>): Promise<void> {
  if (await write()) return;
  const available = (await lockAvailableCredits(tx, hold.userId)) ?? 0;
  if (available < hold.amount) {
    const missing = hold.amount - available;
    const hint = moreCreditsHint();
    throw new AppError(
      "insufficient_credits",
      `This analysis costs ${hold.amount} credits but you have ${available} available: ${missing} more ${missing === 1 ? "credit is" : "credits are"} needed. Nothing was charged. ${hint.text}`,
      { price: hold.amount, available, missing, ...hint.details },
    );
  }
  if (!(await write())) throw new Error("a hold was refused under the balance lock");
}

/** Moves `amount` from available to held for one analysis, or throws `insufficient_credits`. */
export async function holdCredits(tx: Tx, hold: Hold): Promise<void> {
  // A free analysis (an admin's free retry, price 0) moves no credits and writes no entry.
  if (hold.amount === 0) return;
  await holdWith(tx, hold, async () => {
    const [row] = await tx.execute<{ held: boolean }>(
      sql`with ${holdSteps(hold)} select exists (select 1 from held) as held`,
    );
    return row?.held === true;
  });
}
