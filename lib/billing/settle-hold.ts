import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { logger } from "@/lib/logger";

export type Settlement = "capture" | "release";

/**
 * The one way a hold is settled, as two steps of a `WITH` statement: `settled` appends the capture
 * or release entry for the analyses `gate` selects (always the hold's own amount — no caller can
 * pass one; the unique index allows one settlement per analysis, so a second one inserts nothing)
 * and `settled_balance` moves the credits only when an entry was appended. `settleHold` runs it on
 * its own; `completeAttempt` runs it inside the statement that marks the analysis succeeded.
 */
export function settlementSteps(gate: SQL, settlement: Settlement): SQL {
  const moveCredits =
    settlement === "capture"
      ? sql`spent = b.spent + s.amount`
      : sql`available = b.available + s.amount`;
  return sql`settled as (
      insert into credit_entries (user_id, analysis_id, kind, amount)
      select h.user_id, h.analysis_id, ${settlement}::credit_entry_kind, h.amount
      from credit_entries h
      where h.kind = 'hold' and h.analysis_id in (${gate})
      on conflict do nothing
      returning user_id, amount
    ), settled_balance as (
      update credit_balances b
      set held = b.held - s.amount, ${moveCredits}, updated_at = now()
      from settled s
      where b.user_id = s.user_id
    )`;
}

/** design.md invariant 3: capture only what succeeded, release only what ended unpaid. */
const allowedStatuses = (settlement: Settlement) =>
  settlement === "capture" ? sql`('succeeded')` : sql`('failed', 'cancelled')`;

/**
 * Captures or releases an analysis's hold, in one statement. Callers change the status earlier in
 * the same transaction. Idempotent: settling twice the same way is a no-op; the opposite settlement
 * after one exists, or one that does not match the status, is refused and logged.
 */
export async function settleHold(
  tx: Tx,
  input: { analysisId: string; settlement: Settlement },
): Promise<{ applied: boolean; amount: number }> {
  const { analysisId, settlement } = input;
  const gate = sql`select id from analyses where id = ${analysisId} and status in ${allowedStatuses(settlement)}`;
  // The sub-selects read the snapshot from before this statement: the hold, the status and any
  // settlement that already existed.
  const [row] = await tx.execute<{
    applied: boolean;
    amount: number | null;
    status: string | null;
    existing: string | null;
  }>(sql`
    with ${settlementSteps(gate, settlement)}
    select exists (select 1 from settled) as applied,
      (select amount from credit_entries where analysis_id = ${analysisId} and kind = 'hold') as amount,
      (select status::text from analyses where id = ${analysisId}) as status,
      (select kind::text from credit_entries
        where analysis_id = ${analysisId} and kind in ('capture', 'release')) as existing`);
  if (!row || row.amount === null) return { applied: false, amount: 0 };
  if (row.applied) return { applied: true, amount: row.amount };

  if (row.existing && row.existing !== settlement) {
    logger.error(
      { analysisId, existing: row.existing, refused: settlement },
      "settlement refused: the hold is already settled the other way",
    );
  } else if (!row.existing) {
    logger.error(
      { analysisId, status: row.status, refused: settlement },
      "settlement refused: it does not match the analysis status",
    );
  }
  return { applied: false, amount: row.amount };
}
