/** One place for React Query keys so invalidation after a mutation hits every screen. */
export const queryKeys = {
  credits: ["credits"] as const,
  analyses: ["analyses"] as const,
  analysesList: ["analyses", "list"] as const,
  analysis: (id: string) => ["analyses", "detail", id] as const,
  memo: (id: string) => ["analyses", "memo", id] as const,
  /** An analysis's structured result; the analysis page's server render fills it too. */
  analysisResult: (id: string) => ["analyses", "result", id] as const,
  /** Batches sit under "analyses": whatever refreshes the analyses refreshes them too. */
  batchesList: ["analyses", "batches", "list"] as const,
  batch: (id: string) => ["analyses", "batches", "detail", id] as const,
  /** Prefix of every admin query: refreshed after any admin action. */
  adminAll: ["admin"] as const,
  admin: ["admin", "analyses"] as const,
  adminAnalyses: (filters: Record<string, string | number>) =>
    ["admin", "analyses", "list", filters] as const,
  adminAnalysis: (id: string) => ["admin", "analyses", "detail", id] as const,
  adminQueue: ["admin", "queue"] as const,
  adminAudit: (page: number, pageSize: number) => ["admin", "audit", { page, pageSize }] as const,
  /** Prefix of every admin users query (list pages and each user's credits). */
  adminUsers: ["admin", "users"] as const,
  adminUsersList: ["admin", "users", "list"] as const,
  adminUsersPage: (q: string, page: number, pageSize: number) =>
    ["admin", "users", "list", { q, page, pageSize }] as const,
  adminUserCredits: (userId: string) => ["admin", "users", "credits", userId] as const,
  adminLedger: ["admin", "ledger"] as const,
  /** Prefix of the deadlines queries (refreshed when the calendar feed changes). */
  deadlines: ["deadlines"] as const,
  deadlinesFor: (days: number) => ["deadlines", days] as const,
};

/** How often screens poll while something is moving, and when the tab is hidden. */
export const POLL = {
  detailMs: 2_000,
  listMs: 3_000,
  adminMs: 5_000,
  creditsMs: 10_000,
  hiddenMs: 15_000,
} as const;

export function isDocumentHidden(): boolean {
  return typeof document !== "undefined" && document.visibilityState === "hidden";
}
