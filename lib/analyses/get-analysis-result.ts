import { and, eq, isNull } from "drizzle-orm";
import { type AnalysisResult, analysisResultSchema } from "@/lib/analysis/result-schema";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/** The structured result of one of this user's analyses (what the memo is rendered from). */
export async function getAnalysisResult(input: {
  userId: string;
  analysisId: string;
}): Promise<{ documentId: string; result: AnalysisResult }> {
  const [row] = await db
    .select({ documentId: analyses.documentId, result: analyses.result })
    .from(analyses)
    .where(
      and(
        eq(analyses.id, input.analysisId),
        eq(analyses.userId, input.userId),
        isNull(analyses.deletedAt),
      ),
    );
  if (!row?.result) throw notFound("Result");
  // Re-validated: a row written by an older result version fails loudly here, not in the UI.
  return { documentId: row.documentId, result: analysisResultSchema.parse(row.result) };
}
