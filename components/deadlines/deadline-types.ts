/** GET /api/deadlines (lib/deadlines/group-deadlines.ts). */
export type DeadlineKind = "notice" | "expiration";

export type DeadlineItem = {
  analysisId: string;
  title: string;
  filename: string;
  counterparty: string | null;
  kind: DeadlineKind;
  date: string;
  estimated: boolean;
  autoRenews: boolean | null;
  basis: string;
};

export type DeadlinesResponse = {
  today: string;
  days: number;
  overdue: DeadlineItem[];
  next30: DeadlineItem[];
  next90: DeadlineItem[];
  calendar: { active: boolean };
};

export const deadlinesQueryKey = (days: number) => ["deadlines", days] as const;
