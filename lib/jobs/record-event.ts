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
  | "hold_expired";

/** Appends one entry to an analysis's timeline. */
export async function recordEvent(
  tx: DbOrTx,
  event: {
    analysisId: string;
    type: AnalysisEventType;
    attempt?: number | null;
    workerId?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(analysisEvents).values({
    analysisId: event.analysisId,
    type: event.type,
    attempt: event.attempt ?? null,
    workerId: event.workerId ?? null,
    data: event.data ?? null,
  });
}
