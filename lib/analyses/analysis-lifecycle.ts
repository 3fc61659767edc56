import type { AnalysisStatus } from "@/lib/analyses/analysis-status";

/**
 * design.md "Analysis lifecycle" as data. Transitions only go forward; `running → running` is a
 * new attempt after a stall or retry. Database guards are built from this table.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<AnalysisStatus, readonly AnalysisStatus[]>> = {
  quoted: ["queued", "cancelled", "expired"],
  queued: ["running", "cancelled", "failed"],
  running: ["running", "succeeded", "failed", "cancelled"],
  succeeded: [],
  failed: [],
  cancelled: [],
  expired: [],
};

export function canTransition(from: AnalysisStatus, to: AnalysisStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** The statuses an analysis may be in for a move to `to` (for `WHERE status IN (...)`). */
export function statusesThatCanBecome(to: AnalysisStatus): AnalysisStatus[] {
  return (Object.keys(ALLOWED_TRANSITIONS) as AnalysisStatus[]).filter((from) =>
    canTransition(from, to),
  );
}

/**
 * What a cancel does in each status: end at once (releasing a hold if one exists), ask the
 * running worker to stop, or nothing (terminal: cancelling twice is a no-op, not an error).
 */
export type CancelEffect = "end_now" | "end_now_and_release" | "request_stop" | "none";

export function cancelEffect(status: AnalysisStatus): CancelEffect {
  switch (status) {
    case "quoted":
      return "end_now";
    case "queued":
      return "end_now_and_release";
    case "running":
      return "request_stop";
    default:
      return "none";
  }
}
