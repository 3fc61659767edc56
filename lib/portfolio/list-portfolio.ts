import { and, eq } from "drizzle-orm";
import {
  type AnalysisFilters,
  analysisFilterConditions,
  analysisOrderBy,
} from "@/lib/analyses/analysis-filters";
import { upcomingDates } from "@/lib/contract-terms/upcoming-dates";
import { db } from "@/lib/db/client";
import { analyses, contractTerms, documents } from "@/lib/db/schema";
import { describeTerm, formatIsoDuration } from "@/lib/portfolio/format-iso-duration";
import type { PortfolioRow } from "@/lib/portfolio/portfolio-row";

/** More than anyone's screen holds; the cap keeps one export's memory bounded. */
export const PORTFOLIO_MAX_ROWS = 2_000;

/**
 * The user's analysed contracts (succeeded, not deleted) under the list's filters and sort, with
 * their key terms; one without terms derived yet still shows, its terms empty. Not paged: the
 * screen shows all of them, so an export holds exactly the rows on screen. `today` (ISO date)
 * is the day the notice deadlines are computed for.
 */
export async function listPortfolio(input: {
  userId: string;
  filters: AnalysisFilters;
  today: string;
}): Promise<PortfolioRow[]> {
  const rows = await db
    .select({
      analysisId: analyses.id,
      createdAt: analyses.createdAt,
      document: documents.filename,
      terms: contractTerms,
    })
    .from(analyses)
    .innerJoin(documents, eq(documents.id, analyses.documentId))
    .leftJoin(contractTerms, eq(contractTerms.analysisId, analyses.id))
    .where(
      and(
        ...analysisFilterConditions(input.userId, input.filters),
        eq(analyses.status, "succeeded"),
      ),
    )
    .orderBy(...analysisOrderBy(input.filters))
    .limit(PORTFOLIO_MAX_ROWS);

  return rows.map(({ analysisId, createdAt, document, terms }): PortfolioRow => {
    const upcoming = terms ? upcomingDates(terms, input.today) : null;
    return {
      analysisId,
      document,
      contractType: terms?.contractType ?? null,
      counterparty: terms?.counterparty ?? null,
      parties: terms?.parties ?? [],
      effectiveDate: terms?.effectiveDate ?? null,
      // The end of the current term (an auto-renewed contract's next one), so the notice
      // deadline beside it reads against it; the stated date when there is no such end.
      expiration:
        upcoming?.expiration ??
        (terms?.expirationDate
          ? { date: terms.expirationDate, estimated: terms.expirationEstimated }
          : null),
      term: terms ? describeTerm(terms) : null,
      autoRenews: terms?.autoRenews ?? null,
      renewalTerm: formatIsoDuration(terms?.renewalTerm ?? null),
      noticePeriod: formatIsoDuration(terms?.noticePeriod ?? null),
      noticeDeadline: upcoming?.noticeDeadline ?? null,
      governingLaw: terms?.governingLaw ?? null,
      riskFlags: terms?.riskCodes ?? [],
      highRiskCount: terms?.highRiskCount ?? 0,
      createdAt: createdAt.toISOString(),
    };
  });
}
