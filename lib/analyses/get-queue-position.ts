import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { activeLimitOf } from "@/lib/admission/active-limit";
import { estimateQueueStart, type QueuePosition } from "@/lib/analyses/queue-estimate";
import { db } from "@/lib/db/client";
import { analyses, workerHeartbeats } from "@/lib/db/schema";
import { env } from "@/lib/env";

/** How many recent finished analyses the typical duration is the median of. */
const RECENT_FINISHED = 50;
/** Durations and capacity change slowly; every status poll of every queued analysis reads them. */
const STATS_TTL_MS = 5_000;

type QueueStats = { typicalSeconds: number | null; capacity: number };
let cachedStats: { at: number; stats: Promise<QueueStats> } | null = null;

async function readQueueStats(): Promise<QueueStats> {
  // The newest finished rows by analyses_finished_idx, then the succeeded ones' median.
  const recent = db
    .select({
      startedAt: analyses.startedAt,
      finishedAt: analyses.finishedAt,
      status: analyses.status,
    })
    .from(analyses)
    .where(isNotNull(analyses.finishedAt))
    .orderBy(desc(analyses.finishedAt))
    .limit(RECENT_FINISHED)
    .as("recent");
  const [durations] = await db
    .select({
      median: sql<number | null>`percentile_cont(0.5) within group (
        order by extract(epoch from ${recent.finishedAt} - ${recent.startedAt}))`,
    })
    .from(recent)
    .where(and(eq(recent.status, "succeeded"), isNotNull(recent.startedAt)));
  // Live workers as /api/health counts them (lib/health/check-health.ts).
  const [workers] = await db
    .select({ capacity: sql<number>`coalesce(sum(${workerHeartbeats.concurrency}), 0)::int` })
    .from(workerHeartbeats)
    .where(
      and(
        gt(workerHeartbeats.lastBeatAt, new Date(Date.now() - env.WORKER_STALE_MS)),
        isNull(workerHeartbeats.stoppedAt),
      ),
    );
  const median = durations?.median;
  return {
    typicalSeconds: median === null || median === undefined ? null : Number(median),
    capacity: Number(workers?.capacity ?? 0),
  };
}

function queueStats(): Promise<QueueStats> {
  const now = Date.now();
  if (!cachedStats || now - cachedStats.at > STATS_TTL_MS) {
    const stats = readQueueStats();
    cachedStats = { at: now, stats };
    // A failed read must not be served for the next seconds.
    stats.catch(() => {
      if (cachedStats?.stats === stats) cachedStats = null;
    });
  }
  return cachedStats.stats;
}

type PositionRow = {
  id: string;
  admitted: boolean;
  max_active_analyses: number | null;
  yours_ahead: number;
  ahead_in_line: number | null;
};

// One statement: the analyses, their user's limit, the user's unfinished analyses ahead of each
// (analyses_active_user_idx) and, once admitted, the line ahead (the same partial index: only
// queued and running rows are in it).
const readPositions = (userId: string, analysisIds: readonly string[]) =>
  db.execute<PositionRow>(sql`
    with me as (
      select a.id, a.user_id, a.confirmed_at, a.admitted_at, u.max_active_analyses
      from analyses a join users u on u.id = a.user_id
      where a.id in (${sql.join(
        analysisIds.map((id) => sql`${id}`),
        sql`, `,
      )}) and a.user_id = ${userId}
        and a.status = 'queued'
    )
    select me.id, me.admitted_at is not null as admitted, me.max_active_analyses,
      (select count(*)::int from analyses o
        where o.user_id = me.user_id and o.status in ('queued', 'running') and o.id <> me.id
          and (o.status = 'running' or (o.confirmed_at, o.id) < (me.confirmed_at, me.id))
      ) as yours_ahead,
      case when me.admitted_at is null then null else (
        select count(*)::int from analyses o
        where o.status in ('queued', 'running') and o.status = 'queued' and o.admitted_at is not null
          and (o.admitted_at, o.confirmed_at, o.id) < (me.admitted_at, me.confirmed_at, me.id)
      ) end as ahead_in_line
    from me`);

function toPosition(row: PositionRow, stats: QueueStats): QueuePosition {
  const position = {
    admitted: row.admitted,
    yoursAhead: Number(row.yours_ahead),
    aheadInLine: row.ahead_in_line === null ? null : Number(row.ahead_in_line),
  };
  return {
    ...position,
    ...estimateQueueStart({
      ...position,
      limit: activeLimitOf({ maxActiveAnalyses: row.max_active_analyses }),
      capacity: stats.capacity,
      typicalSeconds: stats.typicalSeconds,
    }),
  };
}

/**
 * The `queue` field of a queued analysis of this user: its place and estimated start. Null when
 * it is not (or no longer) queued. One read on the status-polling path, only for queued ones.
 */
export async function getQueuePosition(input: {
  userId: string;
  analysisId: string;
}): Promise<QueuePosition | null> {
  const [[row], stats] = await Promise.all([
    readPositions(input.userId, [input.analysisId]),
    queueStats(),
  ]);
  return row ? toPosition(row, stats) : null;
}

/** The same for several analyses of one user (a page of "My analyses"), in one read. */
export async function getQueuePositions(
  userId: string,
  analysisIds: readonly string[],
): Promise<Map<string, QueuePosition>> {
  if (analysisIds.length === 0) return new Map();
  const [rows, stats] = await Promise.all([readPositions(userId, analysisIds), queueStats()]);
  return new Map(rows.map((row) => [row.id, toPosition(row, stats)]));
}
