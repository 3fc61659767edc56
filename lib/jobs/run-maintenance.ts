import { and, eq, lt, or, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { analyses, idempotencyKeys } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { endAnalysisUnpaid } from "@/lib/jobs/analysis-attempt";
import { analysisJobOptions, getReadyAnalysisQueue } from "@/lib/jobs/analysis-queue";
import { recordEvent } from "@/lib/jobs/record-event";
import type { Logger } from "@/lib/logger";

/**
 * The outbox relay (design.md): every `queued` analysis, and every `running` one whose worker
 * went silent, must have a live BullMQ job. Job id = analysis id makes re-adding safe.
 */
export async function relayAnalysesToQueue(log: Logger): Promise<number> {
  const candidates = await db
    .select({ id: analyses.id })
    .from(analyses)
    .where(
      or(
        and(
          eq(analyses.status, "queued"),
          lt(analyses.confirmedAt, sql`now() - interval '3 seconds'`),
        ),
        and(
          eq(analyses.status, "running"),
          lt(
            analyses.heartbeatAt,
            sql`now() - make_interval(secs => ${env.ANALYSIS_ORPHAN_MS / 1000})`,
          ),
        ),
      ),
    )
    .limit(500);
  const queue = await getReadyAnalysisQueue();
  let relayed = 0;
  for (const { id } of candidates) {
    // One round trip for the state (getJob would fetch the whole job hash just to ask it).
    const state = await queue.getJobState(id);
    // waiting/active/delayed/prioritized: BullMQ has it in hand (stalled ones are re-queued by it).
    if (state !== "completed" && state !== "failed" && state !== "unknown") continue;
    if (state !== "unknown") await queue.remove(id).catch(() => {});
    await queue.add("analyze", { analysisId: id }, { ...analysisJobOptions(), jobId: id });
    await recordEvent(db, { analysisId: id, type: "enqueued", data: { by: "relay" } });
    relayed++;
  }
  if (relayed > 0) log.info({ relayed }, "relay enqueued analyses missing from Redis");
  return relayed;
}

/** design.md "Stale work": fail and release analyses whose heartbeat stopped long ago. */
export async function reapStaleAnalyses(log: Logger): Promise<number> {
  const stale = await db
    .select({ id: analyses.id })
    .from(analyses)
    .where(
      and(
        eq(analyses.status, "running"),
        lt(
          analyses.heartbeatAt,
          sql`now() - make_interval(secs => ${env.ANALYSIS_STALE_MS / 1000})`,
        ),
      ),
    )
    .limit(100);
  let reaped = 0;
  for (const { id } of stale) {
    const ended = await endAnalysisUnpaid({
      analysisId: id,
      attempt: null,
      status: "failed",
      errorCode: "stalled",
      errorMessage:
        "The analysis stopped responding and was ended. Nothing was charged; please try again.",
      eventType: "reaped",
    });
    if (ended) reaped++;
  }
  if (reaped > 0) log.warn({ reaped }, "reaped stale analyses");
  return reaped;
}

/** Quotes nobody confirmed: `quoted` → `expired` (nothing was ever held). */
export async function expireQuotes(): Promise<number> {
  const expired = await db
    .update(analyses)
    .set({ status: "expired", finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(analyses.status, "quoted"), lt(analyses.quoteExpiresAt, sql`now()`)))
    .returning({ id: analyses.id });
  return expired.length;
}

/** Holds never stay stuck: a `queued` analysis that no worker started in time is failed and released. */
export async function expireStaleHolds(log: Logger): Promise<number> {
  const minutes = Math.round(env.HOLD_TIMEOUT_MS / 60_000);
  const stale = await db
    .select({ id: analyses.id })
    .from(analyses)
    .where(
      and(
        eq(analyses.status, "queued"),
        lt(analyses.confirmedAt, sql`now() - make_interval(secs => ${env.HOLD_TIMEOUT_MS / 1000})`),
      ),
    )
    .limit(100);
  let expired = 0;
  for (const { id } of stale) {
    const ended = await endAnalysisUnpaid({
      analysisId: id,
      attempt: null,
      from: ["queued"],
      status: "failed",
      errorCode: "hold_expired",
      errorMessage: `No worker could start this analysis within ${minutes} minutes, so it was stopped and your credits were released. Nothing was charged; please try again.`,
      eventType: "hold_expired",
    });
    if (ended) expired++;
  }
  if (expired > 0) log.warn({ expired }, "expired holds of analyses that never started");
  return expired;
}

/** Idempotency keys are promised for 24 h; older ones are dropped. */
export async function pruneIdempotencyKeys(): Promise<number> {
  const pruned = await db
    .delete(idempotencyKeys)
    .where(
      lt(
        idempotencyKeys.createdAt,
        sql`now() - make_interval(hours => ${env.IDEMPOTENCY_KEY_TTL_HOURS})`,
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return pruned.length;
}

export async function runMaintenance(log: Logger): Promise<void> {
  // Expire before relaying, so an analysis past its hold limit is not queued once more.
  await expireStaleHolds(log);
  await relayAnalysesToQueue(log);
  await reapStaleAnalyses(log);
  await expireQuotes();
  await pruneIdempotencyKeys();
}
