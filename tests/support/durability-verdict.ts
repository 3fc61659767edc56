import type postgres from "postgres";

/**
 * The verdict `npm run chaos` and `npm run cluster` share: after their faults, wait until nothing
 * they submitted is queued or running, then count what was lost (confirmed, not in Postgres),
 * double-charged (two holds or captures, or a capture without success) and stuck, and list every
 * other broken promise: a success without one capture and its memo, a failure or cancel not
 * released, credits still held, a ledger violation. Imports app modules only when called, so a
 * harness can load it before it configures its environment (tests/support/configure-test-env.ts).
 */
export type AnalysisVerdictRow = {
  id: string;
  status: string;
  attempt: number;
  worker_id: string | null;
  finished_at: Date | null;
  memo_markdown: string | null;
  holds: number;
  captures: number;
  releases: number;
};

export type DurabilityVerdict = {
  rows: AnalysisVerdictRow[];
  byId: Map<string, AnalysisVerdictRow>;
  lost: number;
  doubleCharged: number;
  stuck: number;
  problems: string[];
  ledgerSummary: string;
};

/** Polls until none of `ids` is queued or running, or `boundMs` has passed; returns how many still are. */
export async function waitForQuiet(
  sql: postgres.Sql,
  ids: readonly string[],
  boundMs: number,
): Promise<number> {
  const deadline = Date.now() + boundMs;
  let active = Number.POSITIVE_INFINITY;
  while (Date.now() < deadline) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from analyses
      where id = any(${ids as string[]}) and status in ('queued', 'running')`;
    active = Number(row?.n ?? 0);
    if (active === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return active;
}

export async function judgeAnalyses(
  sql: postgres.Sql,
  ids: readonly string[],
  memoIsComplete: (memo: string | null) => boolean,
): Promise<DurabilityVerdict> {
  const rows = await sql<AnalysisVerdictRow[]>`
    select a.id, a.status::text as status, a.attempt, a.worker_id, a.finished_at, a.memo_markdown,
      count(e.id) filter (where e.kind = 'hold')::int as holds,
      count(e.id) filter (where e.kind = 'capture')::int as captures,
      count(e.id) filter (where e.kind = 'release')::int as releases
    from analyses a left join credit_entries e on e.analysis_id = a.id
    where a.id = any(${ids as string[]}) group by a.id`;
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const problems: string[] = [];
  let lost = 0;
  let doubleCharged = 0;
  let stuck = 0;
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) {
      lost++;
      problems.push(`${id}: confirmed but missing from the database`);
      continue;
    }
    const { status } = row;
    if (status === "queued" || status === "running") stuck++;
    if (row.holds > 1 || row.captures > 1 || (row.captures > 0 && status !== "succeeded"))
      doubleCharged++;
    if (status === "succeeded" && (row.captures !== 1 || !memoIsComplete(row.memo_markdown)))
      problems.push(`${id}: succeeded without exactly one capture and a complete memo`);
    if ((status === "failed" || status === "cancelled") && row.releases !== 1)
      problems.push(`${id}: ${status} but not released`);
  }
  const [open] = await sql<{ held: number }[]>`
    select coalesce(sum(held), 0)::int as held from credit_balances`;
  if (Number(open?.held) !== 0) problems.push(`open holds remain: ${open?.held} credits held`);
  const { checkLedger, formatLedgerSummary } = await import("@/lib/billing/check-ledger");
  const ledger = await checkLedger();
  for (const v of ledger.violations) problems.push(`ledger ${v.code}: ${v.message}`);
  return {
    rows,
    byId,
    lost,
    doubleCharged,
    stuck,
    problems,
    ledgerSummary: formatLedgerSummary(ledger),
  };
}
