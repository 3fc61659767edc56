/** The list's sort keys and their natural direction: pure, shared by the server and the browser. */
export const ANALYSIS_SORTS = ["created", "name", "status", "price", "expiration"] as const;
export type AnalysisSort = (typeof ANALYSIS_SORTS)[number];

/** Newest first and dearest first; names, statuses and expirations read A→Z / soonest first. */
export function defaultDirection(sort: AnalysisSort): "asc" | "desc" {
  return sort === "created" || sort === "price" ? "desc" : "asc";
}
