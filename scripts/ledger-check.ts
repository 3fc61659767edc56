import { checkLedger, formatLedgerSummary } from "@/lib/billing/check-ledger";
import { closeDb } from "@/lib/db/client";

/** `npm run ledger:check`: prints every violation, exits 1 if there is any. */
const report = await checkLedger();
await closeDb();
for (const v of report.violations) {
  const where = [
    v.userId && `user ${v.userId}`,
    v.analysisId && `analysis ${v.analysisId}`,
    v.purchaseId && `purchase ${v.purchaseId}`,
  ]
    .filter(Boolean)
    .join(", ");
  console.log(`VIOLATION ${v.code}: ${v.message}${where ? ` (${where})` : ""}`);
}
console.log(formatLedgerSummary(report));
process.exit(report.violations.length > 0 ? 1 : 0);
