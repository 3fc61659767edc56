import { count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Page } from "@/lib/db/page";
import { analyses, analysisStatus, users } from "@/lib/db/schema";
import type { AnalysisView } from "@/lib/jobs/analysis-view";
import { rowToView, selectAnalysisViews } from "@/lib/jobs/get-analysis";

export const adminAnalysesQuerySchema = z.object({
  status: z.enum(analysisStatus.enumValues).optional(),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type AdminAnalysesQuery = z.infer<typeof adminAnalysesQuerySchema>;

export type AdminAnalysisRow = AnalysisView & { userEmail: string; durationMs: number | null };

/** Job history of all users for admins, newest first, paginated in the database. */
export async function listAdminAnalyses(
  query: AdminAnalysesQuery,
): Promise<Page<AdminAnalysisRow>> {
  const where = query.status ? eq(analyses.status, query.status) : undefined;
  const [rows, [totalRow]] = await Promise.all([
    selectAnalysisViews()
      .where(where)
      .orderBy(desc(analyses.createdAt))
      .limit(query.pageSize)
      .offset(query.page * query.pageSize),
    db.select({ total: count() }).from(analyses).where(where),
  ]);
  const emails = new Map<string, string>();
  if (rows.length > 0) {
    const found = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.id, [...new Set(rows.map((r) => r.userId))]));
    for (const u of found) emails.set(u.id, u.email);
  }
  return {
    items: rows.map((row) => ({
      ...rowToView(row),
      userEmail: emails.get(row.userId) ?? "",
      durationMs:
        row.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
    })),
    total: totalRow?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
