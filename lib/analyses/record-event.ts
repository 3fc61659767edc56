import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { analysisEvents } from "@/lib/db/schema";

export type AnalysisEventType =
  | "quoted"
  | "confirmed"
  | "enqueued"
  | "enqueue_failed"
  | "attempt_started"
  | "attempt_resumed"
  | "attempt_failed"
  | "attempt_interrupted"
  | "fanned_out"
  | "chunk_started"
  | "chunk_done"
  | "llm_usage"
  | "step_started"
  | "cancel_requested"
  | "retried"
  | "succeeded"
  | "failed"
  | "retry_scheduled"
  | "cancelled"
  | "expired"
  | "reaped"
  | "hold_expired"
  /** The user deleted it (or its document, or their account): its content is gone. */
  | "deleted";

export type AnalysisEventInput = {
  analysisId: string;
  type: AnalysisEventType;
  attempt?: number | null;
  workerId?: string | null;
  data?: Record<string, unknown>;
  /** When it happened, for events written later in a batch (defaults to now). */
  at?: Date;
};

const toRow = (event: AnalysisEventInput) => ({
  analysisId: event.analysisId,
  type: event.type,
  attempt: event.attempt ?? null,
  workerId: event.workerId ?? null,
  data: event.data ?? null,
  ...(event.at ? { createdAt: event.at } : {}),
});

/** Appends one entry to an analysis's timeline. */
export async function recordEvent(tx: DbOrTx, event: AnalysisEventInput): Promise<void> {
  await tx.insert(analysisEvents).values(toRow(event));
}

/** Appends several entries in one statement (step events buffered by a worker). */
export async function recordEvents(
  tx: DbOrTx,
  events: readonly AnalysisEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(analysisEvents).values(events.map(toRow));
}

/**
 * `insert into analysis_events …` as a step of a larger statement (a `WITH` part): the events
 * travel as one jsonb parameter, so the statement has one shape whatever their number. Written
 * only when `onlyIf` (a SQL condition, e.g. that a fenced update matched) holds.
 */
export function insertEventsSql(events: readonly AnalysisEventInput[], onlyIf: SQL): SQL {
  const rows = events.map((event) => ({
    analysis_id: event.analysisId,
    type: event.type,
    attempt: event.attempt ?? null,
    worker_id: event.workerId ?? null,
    data: event.data ?? null,
    created_at: event.at ?? null,
  }));
  return sql`insert into analysis_events (analysis_id, type, attempt, worker_id, data, created_at)
    select e.analysis_id, e.type, e.attempt, e.worker_id, e.data, coalesce(e.created_at, now())
    from rows from (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as (analysis_id uuid, type text, attempt int, worker_id text, data jsonb, created_at timestamptz))
      with ordinality as e(analysis_id, type, attempt, worker_id, data, created_at, n)
    where ${onlyIf}
    order by e.n`;
}
