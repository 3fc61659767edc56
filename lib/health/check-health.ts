import { and, gt, isNull, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { workerHeartbeats } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { pingRedis } from "@/lib/jobs/analysis-queue";

export type HealthReport = {
  ok: boolean;
  postgres: { ok: boolean; error?: string };
  redis: { ok: boolean; error?: string };
  workers: { ok: boolean; alive: number; staleAfterMs: number };
};

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms),
    ),
  ]);

/** Postgres reachable, Redis answering, and at least one worker with a fresh heartbeat. */
export async function checkHealth(): Promise<HealthReport> {
  const postgres = await withTimeout(db.execute(sql`select 1`), 2_000).then(
    () => ({ ok: true }),
    (e: Error) => ({ ok: false, error: e.message }),
  );
  const redis = await withTimeout(pingRedis(), 2_000).then(
    () => ({ ok: true }),
    (e: Error) => ({ ok: false, error: e.message }),
  );
  let alive = 0;
  if (postgres.ok) {
    const cutoff = new Date(Date.now() - env.WORKER_STALE_MS);
    const rows = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(workerHeartbeats)
      .where(and(gt(workerHeartbeats.lastBeatAt, cutoff), isNull(workerHeartbeats.stoppedAt)));
    alive = rows[0]?.n ?? 0;
  }
  const workers = { ok: alive > 0, alive, staleAfterMs: env.WORKER_STALE_MS };
  return { ok: postgres.ok && redis.ok && workers.ok, postgres, redis, workers };
}
