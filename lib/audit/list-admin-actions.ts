import { count, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Page } from "@/lib/db/page";
import { type AdminActionKind, adminActions, users } from "@/lib/db/schema";

const actors = alias(users, "actors");
const targets = alias(users, "targets");

export const adminActionsQuerySchema = z.object({
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type AdminActionView = {
  id: number;
  kind: AdminActionKind;
  /** Null for the system's own actions (retention's purge): shown as "System". */
  actorEmail: string | null;
  targetUserEmail: string | null;
  analysisId: string | null;
  reason: string;
  data: Record<string, unknown> | null;
  createdAt: string;
};

/** The audit log, newest first. */
export async function listAdminActions(
  query: z.infer<typeof adminActionsQuerySchema>,
): Promise<Page<AdminActionView>> {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: adminActions.id,
        kind: adminActions.kind,
        actorEmail: actors.email,
        targetUserEmail: targets.email,
        analysisId: adminActions.analysisId,
        reason: adminActions.reason,
        data: adminActions.data,
        createdAt: adminActions.createdAt,
      })
      .from(adminActions)
      .leftJoin(actors, eq(actors.id, adminActions.actorId))
      .leftJoin(targets, eq(targets.id, adminActions.targetUserId))
      .orderBy(desc(adminActions.id))
      .limit(query.pageSize)
      .offset(query.page * query.pageSize),
    db.select({ n: count() }).from(adminActions),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      data: (r.data as Record<string, unknown> | null) ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
