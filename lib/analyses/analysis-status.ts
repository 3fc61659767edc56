/**
 * The analysis statuses and their groups, in one pure module (no database, queue or React
 * imports) so the server (schema enum, lifecycle, read models) and the browser bundle share one
 * list instead of keeping copies in sync by hand.
 */

export const ANALYSIS_STATUSES = [
  "quoted",
  "queued",
  "running",
  "succeeded",
  "failed",
  "cancelled",
  "expired",
] as const;

export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

/** Statuses that never change again (see the lifecycle in docs). */
export const TERMINAL_STATUSES: readonly AnalysisStatus[] = [
  "succeeded",
  "failed",
  "cancelled",
  "expired",
];

/** Statuses with credits held and a worker on it (or about to be). */
export const ACTIVE_STATUSES: readonly AnalysisStatus[] = ["queued", "running"];

export function isAnalysisStatus(value: string): value is AnalysisStatus {
  return (ANALYSIS_STATUSES as readonly string[]).includes(value);
}

export function isTerminal(status: AnalysisStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function isActive(status: AnalysisStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** The short name of each status, as users and admins read it. */
export const STATUS_LABELS: Readonly<Record<AnalysisStatus, string>> = {
  quoted: "Awaiting confirmation",
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
  expired: "Expired",
};
