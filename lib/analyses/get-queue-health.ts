import { desc, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { workerHeartbeats } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { countQueueJobs, type QueueJobCounts } from "@/lib/jobs/count-queue-jobs";

export type { QueueState } from "@/lib/jobs/count-queue-jobs";

export type WindowStats = {
  /** Analyses that ended (succeeded, failed or cancelled) in the window. */
  finished: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  perMinute: number;
  /** failed / (succeeded + failed); null when nothing ended. */
  failureRate: number | null;
  /** Started → finished of succeeded analyses. */
  p50Ms: number | null;
  p95Ms: number | null;
};

export type WorkerState = "up" | "down" | "stopped";

export type WorkerView = {
  id: string;
  host: string;
  pid: number;
  startedAt: string;
  lastBeatAt: string;
  stoppedAt: string | null;
  jobsDone: number;
  /** `down`: no heartbeat for `WORKER_STALE_MS` and it never said it stopped (killed, frozen). */
  state: WorkerState;
};

export type QueueHealth = {
  redis: { up: boolean; error: string | null };
  /** BullMQ's own counts; null while Redis is unreachable. */
  counts: QueueJobCounts | null;
  /** Analyses confirmed but not started, from Postgres (the truth, even when Redis lost jobs). */
  queued: number;
  oldestQueuedAgeMs: number | null;
  running: number;
  lastHour: WindowStats;
  lastDay: WindowStats;
  workers: WorkerView[];
  workerStaleAfterMs: number;
  generatedAt: string;
};

async function windowStats(minutes: number): Promise<WindowStats> {
  const [row] = await db.execute<{
    succeeded: number;
    failed: number;
    cancelled: number;
    p50: number | null;
    p95: number | null;
  }>(sql`
    select
      count(*) filter (where status = 'succeeded')::int as succeeded,
      count(*) filter (where status = 'failed')::int as failed,
      count(*) filter (where status = 'cancelled')::int as cancelled,
      percentile_cont(0.5) within group (order by extract(epoch from finished_at - started_at))
        filter (where status = 'succeeded' and started_at is not null) * 1000 as p50,
      percentile_cont(0.95) within group (order by extract(epoch from finished_at - started_at))
        filter (where status = 'succeeded' and started_at is not null) * 1000 as p95
    from analyses
    where finished_at >= now() - make_interval(mins => ${minutes})
      and status in ('succeeded', 'failed', 'cancelled')`);
  const succeeded = Number(row?.succeeded ?? 0);
  const failed = Number(row?.failed ?? 0);
  const cancelled = Number(row?.cancelled ?? 0);
  const finished = succeeded + failed + cancelled;
  const round = (v: number | null | undefined) =>
    v === null || v === undefined ? null : Math.round(Number(v));
  return {
    finished,
    succeeded,
    failed,
    cancelled,
    perMinute: Math.round((finished / minutes) * 100) / 100,
    failureRate: succeeded + failed > 0 ? failed / (succeeded + failed) : null,
    p50Ms: round(row?.p50),
    p95Ms: round(row?.p95),
  };
}

async function queueCounts(): Promise<{ counts: QueueHealth["counts"]; error: string | null }> {
  try {
    return { counts: await countQueueJobs(), error: null };
  } catch (error) {
    return { counts: null, error: (error as Error).message };
  }
}

/** The admin console's queue page: BullMQ counts, throughput, durations and workers. */
export async function getQueueHealth(): Promise<QueueHealth> {
  const [redis, [active], lastHour, lastDay, workers] = await Promise.all([
    queueCounts(),
    db.execute<{ queued: number; running: number; oldest_ms: number | null }>(sql`
      select
        count(*) filter (where status = 'queued')::int as queued,
        count(*) filter (where status = 'running')::int as running,
        extract(epoch from now() - min(confirmed_at) filter (where status = 'queued')) * 1000
          as oldest_ms
      from analyses where status in ('queued', 'running')`),
    windowStats(60),
    windowStats(24 * 60),
    db.select().from(workerHeartbeats).orderBy(desc(workerHeartbeats.lastBeatAt)).limit(50),
  ]);
  const staleBefore = Date.now() - env.WORKER_STALE_MS;
  return {
    redis: { up: redis.counts !== null, error: redis.error },
    counts: redis.counts,
    queued: Number(active?.queued ?? 0),
    running: Number(active?.running ?? 0),
    oldestQueuedAgeMs:
      active?.oldest_ms === null || active?.oldest_ms === undefined
        ? null
        : Math.round(Number(active.oldest_ms)),
    lastHour,
    lastDay,
    workers: workers.map((w) => ({
      id: w.id,
      host: w.host,
      pid: w.pid,
      startedAt: w.startedAt.toISOString(),
      lastBeatAt: w.lastBeatAt.toISOString(),
      stoppedAt: w.stoppedAt?.toISOString() ?? null,
      jobsDone: w.jobsDone,
      state: w.stoppedAt ? "stopped" : w.lastBeatAt.getTime() < staleBefore ? "down" : "up",
    })),
    workerStaleAfterMs: env.WORKER_STALE_MS,
    generatedAt: new Date().toISOString(),
  };
}
