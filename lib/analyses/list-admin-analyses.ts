import { and, asc, count, desc, eq, gte, ilike, inArray, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import { rowToView, selectAnalysisViews } from "@/lib/analyses/get-analysis";
import { db } from "@/lib/db/client";
import type { Page } from "@/lib/db/page";
import { analyses, analysisStatus, documents, users } from "@/lib/db/schema";

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const ADMIN_ANALYSES_SORTS = ["created", "duration", "price"] as const;

export const adminAnalysesQuerySchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(analysisStatus.enumValues).optional()),
  /** Part of the user's e-mail address, case-insensitive. */
  user: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  /** Part of the document's file name, case-insensitive. */
  document: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  /** Created at or after / before (ISO date or date-time). */
  from: z.preprocess(emptyToUndefined, z.coerce.date().optional()),
  to: z.preprocess(emptyToUndefined, z.coerce.date().optional()),
  sort: z.enum(ADMIN_ANALYSES_SORTS).default("created"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type AdminAnalysesQuery = z.infer<typeof adminAnalysesQuerySchema>;

/** `%`, `_` and `\` in a search box are text, not LIKE wildcards. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

function whereFor(query: AdminAnalysesQuery): SQL | undefined {
  return and(
    query.status ? eq(analyses.status, query.status) : undefined,
    query.user
      ? inArray(
          analyses.userId,
          db
            .select({ id: users.id })
            .from(users)
            .where(ilike(users.email, containing(query.user))),
        )
      : undefined,
    query.document
      ? inArray(
          analyses.documentId,
          db
            .select({ id: documents.id })
            .from(documents)
            .where(ilike(documents.filename, containing(query.document))),
        )
      : undefined,
    query.from ? gte(analyses.createdAt, query.from) : undefined,
    query.to ? lt(analyses.createdAt, query.to) : undefined,
  );
}

function orderFor(query: AdminAnalysesQuery): SQL[] {
  const direction = query.dir === "asc" ? asc : desc;
  const nullsLast = (column: SQL) =>
    query.dir === "asc" ? sql`${column} asc nulls last` : sql`${column} desc nulls last`;
  switch (query.sort) {
    case "duration":
      return [
        nullsLast(sql`${analyses.finishedAt} - ${analyses.startedAt}`),
        desc(analyses.createdAt),
      ];
    case "price":
      return [direction(analyses.priceCredits), desc(analyses.createdAt)];
    default:
      return [direction(analyses.createdAt)];
  }
}

export type AdminAnalysisRow = AnalysisView & {
  userEmail: string;
  durationMs: number | null;
  /** Its owner deleted it: a tombstone (status, price, dates), its content gone. */
  deletedAt: string | null;
};

/** Job history of all users for admins: filtered, sorted and paginated in the database. */
export async function listAdminAnalyses(
  query: AdminAnalysesQuery,
): Promise<Page<AdminAnalysisRow>> {
  const where = whereFor(query);
  const [rows, [totalRow]] = await Promise.all([
    selectAnalysisViews()
      .where(where)
      .orderBy(...orderFor(query))
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
      deletedAt: row.deletedAt?.toISOString() ?? null,
      durationMs:
        row.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
    })),
    total: totalRow?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
