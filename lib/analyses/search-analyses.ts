import { and, eq, lt, sql } from "drizzle-orm";
import {
  ANALYSIS_PAGE_SIZE,
  type AnalysisFilters,
  analysisFilterConditions,
  analysisOrderBy,
} from "@/lib/analyses/analysis-filters";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import { rowToView, selectAnalysisViews } from "@/lib/analyses/get-analysis";
import { getQueuePositions } from "@/lib/analyses/get-queue-position";
import { db } from "@/lib/db/client";
import { analyses, contractTerms, documents } from "@/lib/db/schema";

export type AnalysisSearchPage = {
  analyses: AnalysisView[];
  page: number;
  pageSize: number;
  /** Rows matching the filters, on every page. */
  total: number;
  pageCount: number;
};

/**
 * One page of the user's analyses under `filters` (search, status, type, law, created dates,
 * sort). `pageSize` and `before` (a createdAt cursor) keep the older `?limit=&before=` callers
 * working. Queued rows come with their place in the queue.
 */
export async function searchAnalyses(input: {
  userId: string;
  filters: AnalysisFilters;
  pageSize?: number;
  before?: Date;
}): Promise<AnalysisSearchPage> {
  const pageSize = input.pageSize ?? ANALYSIS_PAGE_SIZE;
  const page = input.filters.page ?? 1;
  const conditions = analysisFilterConditions(input.userId, input.filters);
  if (input.before) conditions.push(lt(analyses.createdAt, input.before));
  const where = and(...conditions);

  const [rows, [counted]] = await Promise.all([
    selectAnalysisViews()
      .leftJoin(contractTerms, eq(contractTerms.analysisId, analyses.id))
      .where(where)
      .orderBy(...analysisOrderBy(input.filters))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(analyses)
      .innerJoin(documents, eq(documents.id, analyses.documentId))
      .leftJoin(contractTerms, eq(contractTerms.analysisId, analyses.id))
      .where(where),
  ]);
  const views = rows.map(rowToView);
  const queued = views.filter((view) => view.status === "queued").map((view) => view.id);
  const positions = await getQueuePositions(input.userId, queued);
  for (const view of views) view.queue = positions.get(view.id) ?? null;
  const total = counted?.total ?? 0;
  return { analyses: views, page, pageSize, total, pageCount: Math.ceil(total / pageSize) };
}
