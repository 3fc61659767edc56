import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { analyses, contractTerms } from "@/lib/db/schema";

/** The values the type and governing-law filters can take: what this user's contracts have. */
export type AnalysisFacets = { contractTypes: string[]; governingLaws: string[] };

export async function listAnalysisFacets(userId: string): Promise<AnalysisFacets> {
  const rows = await db
    .select({
      contractTypes: sql<
        string[] | null
      >`array_agg(distinct ${contractTerms.contractType}) filter (where ${contractTerms.contractType} is not null)`,
      governingLaws: sql<
        string[] | null
      >`array_agg(distinct ${contractTerms.governingLaw}) filter (where ${contractTerms.governingLaw} is not null)`,
    })
    .from(contractTerms)
    .innerJoin(analyses, eq(analyses.id, contractTerms.analysisId))
    .where(and(eq(contractTerms.userId, userId), isNull(analyses.deletedAt)));
  const [row] = rows;
  return {
    contractTypes: [...(row?.contractTypes ?? [])].sort(),
    governingLaws: [...(row?.governingLaws ?? [])].sort((a, b) => a.localeCompare(b)),
  };
}
