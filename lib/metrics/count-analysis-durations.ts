import { and, eq, isNotNull, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";
import type { HistogramSnapshot } from "@/lib/metrics/format-histogram";

/** Upper bounds in seconds: a small contract takes seconds, a 500-page one many minutes. */
export const ANALYSIS_DURATION_BUCKETS = [1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] as const;

/**
 * `clauseflow_analysis_duration_seconds`: first claim (started_at) to finish of every succeeded
 * analysis, as a histogram counted by Postgres in one query at scrape time (workers finish the
 * analyses; see register-analysis-metrics.ts for why the totals come from Postgres).
 */
export async function countAnalysisDurations(
  bounds: readonly number[] = ANALYSIS_DURATION_BUCKETS,
): Promise<HistogramSnapshot> {
  const seconds = sql`extract(epoch from ${analyses.finishedAt} - ${analyses.startedAt})`;
  const cumulative = sql.join(
    bounds.map((le) => sql`count(*) filter (where ${seconds} <= ${le})`),
    sql`, `,
  );
  const [row] = await db
    .select({
      buckets: sql<number[]>`array[${cumulative}]::int[]`,
      sum: sql<number>`coalesce(sum(${seconds}), 0)::double precision`,
      count: sql<number>`count(*)::int`,
    })
    .from(analyses)
    .where(
      and(
        eq(analyses.status, "succeeded"),
        isNotNull(analyses.startedAt),
        isNotNull(analyses.finishedAt),
      ),
    );
  return {
    name: "clauseflow_analysis_duration_seconds",
    help: "Seconds from the first claim to the memo of succeeded analyses.",
    buckets: bounds.map((le, i) => ({ le, count: row?.buckets[i] ?? 0 })),
    sum: row?.sum ?? 0,
    count: row?.count ?? 0,
  };
}
