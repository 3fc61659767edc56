import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { analyses, contractTerms, documents } from "@/lib/db/schema";
import { type DeadlineGroups, type DeadlineSource, groupDeadlines } from "./group-deadlines";

/** Today as the deadlines count it: the UTC calendar day (one answer for every viewer). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The terms of a user's live succeeded analyses that have an end date. */
export async function readDeadlineSources(userId: string): Promise<DeadlineSource[]> {
  return db
    .select({
      analysisId: contractTerms.analysisId,
      title: contractTerms.title,
      filename: documents.filename,
      counterparty: contractTerms.counterparty,
      expirationDate: contractTerms.expirationDate,
      expirationEstimated: contractTerms.expirationEstimated,
      perpetual: contractTerms.perpetual,
      autoRenews: contractTerms.autoRenews,
      renewalTerm: contractTerms.renewalTerm,
      noticePeriod: contractTerms.noticePeriod,
    })
    .from(contractTerms)
    .innerJoin(analyses, eq(analyses.id, contractTerms.analysisId))
    .innerJoin(documents, eq(documents.id, analyses.documentId))
    .where(
      and(
        eq(contractTerms.userId, userId),
        eq(analyses.userId, userId),
        eq(analyses.status, "succeeded"),
        isNull(analyses.deletedAt),
        isNull(documents.deletedAt),
        isNotNull(contractTerms.expirationDate),
        eq(contractTerms.perpetual, false),
      ),
    );
}

/** The user's notice deadlines and expirations from now to `days` ahead, grouped. */
export async function listDeadlines(input: {
  userId: string;
  days: number;
  today?: string;
}): Promise<{ today: string; days: number } & DeadlineGroups> {
  const today = input.today ?? todayUtc();
  const sources = await readDeadlineSources(input.userId);
  return { today, days: input.days, ...groupDeadlines(sources, today, input.days) };
}
