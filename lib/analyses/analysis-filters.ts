import { asc, desc, eq, gte, ilike, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { ANALYSIS_SORTS, type AnalysisSort, defaultDirection } from "@/lib/analyses/analysis-sorts";
import { ANALYSIS_STATUSES } from "@/lib/analyses/analysis-status";
import { analyses, contractTerms, documents } from "@/lib/db/schema";

/**
 * The one way "My analyses", the portfolio and their exports read a user's search, filters,
 * sort and page from a query string, and turn them into SQL. Both screens share it so an export
 * holds exactly the rows the screen showed.
 */

/** Which part of the list: results (no unconfirmed or lapsed quotes), drafts (only those), all. */
export const ANALYSIS_VIEWS = ["all", "results", "drafts"] as const;

/** Rows per page of the list (the portfolio is not paged). */
export const ANALYSIS_PAGE_SIZE = 25;

/** Statuses of a draft: a quote not confirmed yet, or one that lapsed unconfirmed. */
export const DRAFT_STATUSES = ["quoted", "expired"] as const;

// "?status=" (an empty select) means no filter, not an invalid one.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    schema.optional(),
  );

const isoDay = z.iso.date({ message: "Use a date as YYYY-MM-DD." });

const filterShape = {
  q: optional(z.string().trim().max(200)),
  status: optional(z.enum(ANALYSIS_STATUSES)),
  /** A contract type as `contract_terms.contract_type` stores it ("services", "nda", …). */
  type: optional(z.string().trim().toLowerCase().max(50)),
  /** Governing law, matched whole and case-insensitively ("England and Wales"). */
  law: optional(z.string().trim().max(200)),
  /** Created on or after this day (UTC). */
  from: optional(isoDay),
  /** Created on or before this day (UTC), the whole day included. */
  to: optional(isoDay),
  sort: optional(z.enum(ANALYSIS_SORTS)),
  dir: optional(z.enum(["asc", "desc"])),
  view: optional(z.enum(ANALYSIS_VIEWS)),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
};

export const analysisFiltersSchema = z
  .object(filterShape)
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The start date is after the end date.",
    path: ["from"],
  });

export type AnalysisFilters = z.infer<typeof analysisFiltersSchema>;

/** Parses the filter keys of a query string (other keys are left to the caller); zod errors → 422. */
export function parseAnalysisFilters(params: URLSearchParams): AnalysisFilters {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(filterShape)) {
    const value = params.get(key);
    if (value !== null) picked[key] = value;
  }
  return analysisFiltersSchema.parse(picked);
}

/** `%` and `_` typed by the user are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * WHERE conditions for this user's rows (never another user's, never deleted ones) under these
 * filters. The query must left-join `contract_terms` (parties, type, law live there).
 */
export function analysisFilterConditions(userId: string, filters: AnalysisFilters): SQL[] {
  const conditions: SQL[] = [
    eq(analyses.userId, userId),
    isNull(analyses.deletedAt),
    isNull(documents.deletedAt),
  ];
  if (filters.q) {
    const pattern = likePattern(filters.q);
    const byName = or(
      ilike(documents.filename, pattern),
      ilike(contractTerms.counterparty, pattern),
      ilike(contractTerms.title, pattern),
      sql`array_to_string(${contractTerms.parties}, ' ') ilike ${pattern}`,
    );
    if (byName) conditions.push(byName);
  }
  if (filters.status) conditions.push(eq(analyses.status, filters.status));
  if (filters.view === "drafts") {
    conditions.push(sql`${analyses.status} in ('quoted', 'expired')`);
  } else if (filters.view === "results") {
    conditions.push(sql`${analyses.status} not in ('quoted', 'expired')`);
  }
  if (filters.type) conditions.push(eq(contractTerms.contractType, filters.type));
  if (filters.law)
    conditions.push(sql`lower(${contractTerms.governingLaw}) = lower(${filters.law})`);
  if (filters.from) conditions.push(gte(analyses.createdAt, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) {
    const dayAfter = new Date(`${filters.to}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    conditions.push(lt(analyses.createdAt, dayAfter));
  }
  return conditions;
}

/** ORDER BY for the chosen sort; ties broken by creation then id so pages never overlap. */
export function analysisOrderBy(filters: AnalysisFilters): SQL[] {
  const sort = filters.sort ?? "created";
  const dir = filters.dir ?? defaultDirection(sort);
  const by = dir === "asc" ? asc : desc;
  const nullsLast = (column: SQL) =>
    dir === "asc" ? sql`${column} asc nulls last` : sql`${column} desc nulls last`;
  const primary: Record<AnalysisSort, SQL> = {
    created: by(analyses.createdAt),
    name: by(sql`lower(${documents.filename})`),
    status: by(sql`${analyses.status}::text`),
    price: by(analyses.priceCredits),
    expiration: nullsLast(sql`${contractTerms.expirationDate}`),
  };
  return [primary[sort], desc(analyses.createdAt), desc(analyses.id)];
}
