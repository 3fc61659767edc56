import { sql } from "drizzle-orm";
import { db } from "@/lib/db/client";

export type LedgerViolation = {
  code: string;
  message: string;
  userId?: string;
  analysisId?: string;
  purchaseId?: string;
};

export type LedgerReport = { users: number; entries: number; violations: LedgerViolation[] };

type UserSums = {
  user_id: string;
  grants: number;
  adjust_credit: number;
  adjust_debit: number;
  purchases: number;
  refunds: number;
  holds: number;
  captures: number;
  releases: number;
  has_balance: boolean;
  available: number | null;
  held: number | null;
  spent: number | null;
  granted: number | null;
};

type AnalysisSums = {
  id: string;
  status: string;
  price: number;
  finished_at: Date | null;
  holds: number;
  hold_amount: number | null;
  captures: number;
  capture_amount: number | null;
  releases: number;
  release_amount: number | null;
  wrong_user: boolean | null;
  entries_after_finish: number;
};

/**
 * Verifies every ledger invariant of design.md over the whole database, recomputing balances from
 * the entries alone. Read-only; each broken rule is one violation with the ids to look at.
 */
export async function checkLedger(): Promise<LedgerReport> {
  const violations: LedgerViolation[] = [];
  const add = (v: LedgerViolation) => violations.push(v);

  const users = await db.execute<UserSums>(sql`
    select u.id as user_id,
      coalesce(sum(e.amount) filter (where e.kind = 'grant'), 0)::int as grants,
      coalesce(sum(e.amount) filter (where e.kind = 'adjust' and not e.debit), 0)::int as adjust_credit,
      coalesce(sum(e.amount) filter (where e.kind = 'adjust' and e.debit), 0)::int as adjust_debit,
      coalesce(sum(e.amount) filter (where e.kind = 'purchase'), 0)::int as purchases,
      coalesce(sum(e.amount) filter (where e.kind = 'refund'), 0)::int as refunds,
      coalesce(sum(e.amount) filter (where e.kind = 'hold'), 0)::int as holds,
      coalesce(sum(e.amount) filter (where e.kind = 'capture'), 0)::int as captures,
      coalesce(sum(e.amount) filter (where e.kind = 'release'), 0)::int as releases,
      (b.user_id is not null) as has_balance, b.available, b.held, b.spent, b.granted
    from users u
    left join credit_entries e on e.user_id = u.id
    left join credit_balances b on b.user_id = u.id
    group by u.id, b.user_id, b.available, b.held, b.spent, b.granted`);

  for (const u of users) {
    const granted = u.grants + u.purchases + u.adjust_credit - u.adjust_debit - u.refunds;
    const held = u.holds - u.captures - u.releases;
    const spent = u.captures;
    const available = granted - held - spent;
    const at = { userId: u.user_id };
    if (available < 0)
      add({
        ...at,
        code: "negative_available",
        message: `entries give available ${available} < 0`,
      });
    if (held < 0)
      add({
        ...at,
        code: "negative_held",
        message: `entries settle more (${u.captures + u.releases}) than they hold (${u.holds})`,
      });
    if (!u.has_balance) {
      add({ ...at, code: "missing_balance", message: "user has no balance row" });
      continue;
    }
    const expected = { available, held, spent, granted };
    for (const field of ["available", "held", "spent", "granted"] as const) {
      if (u[field] !== expected[field]) {
        add({
          ...at,
          code: "balance_mismatch",
          message: `cached ${field} ${u[field]} ≠ ${expected[field]} from entries`,
        });
      }
    }
  }

  const analyses = await db.execute<AnalysisSums>(sql`
    select a.id, a.status::text as status, a.price_credits as price, a.finished_at,
      count(e.id) filter (where e.kind = 'hold')::int as holds,
      sum(e.amount) filter (where e.kind = 'hold')::int as hold_amount,
      count(e.id) filter (where e.kind = 'capture')::int as captures,
      sum(e.amount) filter (where e.kind = 'capture')::int as capture_amount,
      count(e.id) filter (where e.kind = 'release')::int as releases,
      sum(e.amount) filter (where e.kind = 'release')::int as release_amount,
      bool_or(e.user_id <> a.user_id) as wrong_user,
      count(e.id) filter (where a.finished_at is not null and e.created_at > a.finished_at)::int as entries_after_finish
    from analyses a
    left join credit_entries e on e.analysis_id = a.id
    group by a.id`);

  for (const a of analyses) {
    const at = { analysisId: a.id };
    const settlements = a.captures + a.releases;
    if (a.holds > 1) add({ ...at, code: "double_hold", message: `${a.holds} holds` });
    if (settlements > 1)
      add({
        ...at,
        code: "double_settlement",
        message: `${a.captures} captures and ${a.releases} releases`,
      });
    if (settlements > 0 && a.holds === 0)
      add({ ...at, code: "settlement_without_hold", message: "settled but never held" });
    if (a.wrong_user)
      add({
        ...at,
        code: "wrong_user",
        message: "an entry belongs to another user than the analysis",
      });
    if (a.entries_after_finish > 0)
      add({
        ...at,
        code: "entry_after_finish",
        message: "an entry was written after the analysis ended",
      });
    if (a.holds === 1 && a.hold_amount !== a.price) {
      add({ ...at, code: "hold_not_price", message: `hold ${a.hold_amount} ≠ price ${a.price}` });
    }
    if (a.captures === 1 && a.capture_amount !== a.hold_amount) {
      add({
        ...at,
        code: "capture_not_hold",
        message: `capture ${a.capture_amount} ≠ hold ${a.hold_amount}`,
      });
    }
    if (a.releases === 1 && a.release_amount !== a.hold_amount) {
      add({
        ...at,
        code: "release_not_hold",
        message: `release ${a.release_amount} ≠ hold ${a.hold_amount}`,
      });
    }
    if (a.price === 0) {
      // A free analysis (an admin's free retry) never has entries, whatever its status.
      if (a.holds + settlements > 0)
        add({ ...at, code: "free_with_entries", message: "a free analysis has ledger entries" });
      continue;
    }
    switch (a.status) {
      case "quoted":
      case "expired":
        if (a.holds + settlements > 0)
          add({
            ...at,
            code: "unconfirmed_with_entries",
            message: `${a.status} analysis has ledger entries`,
          });
        break;
      case "queued":
      case "running":
        if (a.holds !== 1 || settlements !== 0) {
          add({
            ...at,
            code: "active_without_open_hold",
            message: `${a.status} analysis must hold exactly its price, open`,
          });
        }
        break;
      case "succeeded":
        if (a.holds !== 1 || a.captures !== 1)
          add({ ...at, code: "succeeded_not_captured", message: "succeeded but not captured" });
        break;
      case "failed":
      case "cancelled":
        if (a.holds === 1 && a.releases !== 1)
          add({
            ...at,
            code: "ended_not_released",
            message: `${a.status} but its hold was not released`,
          });
        if (a.captures > 0)
          add({ ...at, code: "charged_for_failure", message: `${a.status} but captured` });
        break;
    }
  }

  for (const v of await checkPurchases()) add(v);

  const [count] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from credit_entries`,
  );
  return { users: users.length, entries: count?.n ?? 0, violations };
}

export function formatLedgerSummary(report: LedgerReport): string {
  return `ledger: ${report.users} users, ${report.entries} entries, ${report.violations.length} violations`;
}

type PurchaseSums = {
  id: string;
  user_id: string;
  status: string;
  credits: number;
  credits_refunded: number;
  refund_shortfall: number;
  purchase_entries: number;
  purchase_amount: number | null;
  refund_amount: number;
  wrong_user: boolean | null;
};

/**
 * The Stripe purchases against their entries: a paid purchase is credited exactly once with
 * exactly its credits (an unpaid one never), refunds never take back more than it gave, and the
 * row's `credits_refunded` is the sum of its refund entries.
 */
async function checkPurchases(): Promise<LedgerViolation[]> {
  const violations: LedgerViolation[] = [];
  const rows = await db.execute<PurchaseSums>(sql`
    select p.id, p.user_id, p.status::text as status, p.credits, p.credits_refunded,
      p.refund_shortfall,
      count(e.id) filter (where e.kind = 'purchase')::int as purchase_entries,
      sum(e.amount) filter (where e.kind = 'purchase')::int as purchase_amount,
      coalesce(sum(e.amount) filter (where e.kind = 'refund'), 0)::int as refund_amount,
      bool_or(e.user_id <> p.user_id) as wrong_user
    from credit_purchases p
    left join credit_entries e on e.purchase_id = p.id
    group by p.id`);
  for (const p of rows) {
    const at = { userId: p.user_id, purchaseId: p.id };
    const add = (code: string, message: string) => violations.push({ ...at, code, message });
    if (p.status === "paid" && p.purchase_entries !== 1)
      add("purchase_not_credited_once", `paid purchase has ${p.purchase_entries} purchase entries`);
    if (p.status !== "paid" && p.purchase_entries > 0)
      add("unpaid_purchase_credited", `${p.status} purchase has a purchase entry`);
    if (p.purchase_entries === 1 && p.purchase_amount !== p.credits)
      add("purchase_not_pack", `purchase entry ${p.purchase_amount} ≠ pack's ${p.credits} credits`);
    if (p.refund_amount > p.credits)
      add("refund_exceeds_purchase", `refunds ${p.refund_amount} > purchase ${p.credits}`);
    if (p.refund_amount > 0 && p.status !== "paid")
      add("refund_without_purchase", `${p.status} purchase has refund entries`);
    if (p.credits_refunded !== p.refund_amount)
      add(
        "refund_total_mismatch",
        `credits_refunded ${p.credits_refunded} ≠ refund entries' ${p.refund_amount}`,
      );
    if (p.credits_refunded + p.refund_shortfall > p.credits)
      add(
        "refund_owed_exceeds_purchase",
        `refunded ${p.credits_refunded} + shortfall ${p.refund_shortfall} > ${p.credits}`,
      );
    if (p.wrong_user) add("wrong_user", "an entry belongs to another user than the purchase");
  }
  return violations;
}
