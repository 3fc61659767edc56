import { inArray, sql } from "drizzle-orm";
import { TERMINAL_STATUSES } from "@/lib/analyses/analysis-status";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";

export type FinishedAnalysisCounts = {
  /** Every terminal status, zero included, so a rate() has a series from the first scrape. */
  byStatus: Map<string, number>;
  /** Failed analyses per `error_code` (an AppError code or `timeout`, `stalled`, …). */
  failedByCode: Map<string, number>;
};

/** Terminal analyses by status and failures by code, in one grouped query. */
export async function countFinishedAnalyses(): Promise<FinishedAnalysisCounts> {
  const rows = await db
    .select({
      status: analyses.status,
      code: analyses.errorCode,
      n: sql<number>`count(*)::int`,
    })
    .from(analyses)
    .where(inArray(analyses.status, [...TERMINAL_STATUSES]))
    .groupBy(analyses.status, analyses.errorCode);

  const byStatus = new Map<string, number>(TERMINAL_STATUSES.map((s) => [s, 0]));
  const failedByCode = new Map<string, number>();
  for (const row of rows) {
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.n);
    if (row.status !== "failed") continue;
    const code = row.code ?? "unknown";
    failedByCode.set(code, (failedByCode.get(code) ?? 0) + row.n);
  }
  return { byStatus, failedByCode };
}
