import { NextResponse } from "next/server";
import { checkLedger, formatLedgerSummary } from "@/lib/billing/check-ledger";
import { withAdmin } from "@/lib/http/json-route";

/** Runs every ledger invariant check over the database (same as `npm run ledger:check`). */
export const GET = withAdmin("/api/admin/ledger", async () => {
  const report = await checkLedger();
  return NextResponse.json({
    ...report,
    ok: report.violations.length === 0,
    summary: formatLedgerSummary(report),
  });
});
