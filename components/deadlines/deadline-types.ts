import type { DeadlineGroups } from "@/lib/deadlines/group-deadlines";

export type { DeadlineItem, DeadlineKind } from "@/lib/deadlines/group-deadlines";

/** GET /api/deadlines (lib/deadlines/list-deadlines.ts). */
export type DeadlinesResponse = { today: string; days: number } & DeadlineGroups & {
    calendar: { active: boolean };
  };
