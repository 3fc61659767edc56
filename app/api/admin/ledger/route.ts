import { NextResponse } from "next/server";
import { checkLedger, formatLedgerSummary } from "@/lib/billing/check-ledger";
import { withAdmin } from "@/lib/http/json-route";
import { listFlaggedPurchases } from "@/lib/purchases/list-flagged-purchases";

/** Runs every ledger invariant check over the database (same as `npm run ledger:check`). */
export const GET = withAdmin("/api/admin/ledger", async () => {
  const [report, flaggedPurchases] = await Promise.all([checkLedger(), listFlaggedPurchases()]);
  return NextResponse.json({
    ...report,
    /** Refunds that could not take all their credits back: not a violation, a task for an admin. */
    flaggedPurchases,
    ok: report.violations.length === 0,
    summary: formatLedgerSummary(report),
  });
});
