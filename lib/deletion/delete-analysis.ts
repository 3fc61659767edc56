import { and, count, eq, isNull, ne } from "drizzle-orm";
import { recordAdminAction } from "@/lib/audit/record-admin-action";
import { db } from "@/lib/db/client";
import { analyses, documents } from "@/lib/db/schema";
import { afterDeletion } from "@/lib/deletion/after-deletion";
import { purgeContent } from "@/lib/deletion/purge-content";
import { notFound } from "@/lib/errors";

export const DELETED_BY_USER = "Deleted by the user";

/**
 * The user deletes one of their analyses (any status: a quote, a running one, a memo). A queued
 * or running one is ended and its credits released first, in the same transaction. Its memo,
 * result and findings are purged at once; when no other analysis of its document remains, the
 * document goes too (its bytes and name). Someone else's, or one already deleted: 404.
 */
export async function deleteAnalysis(
  user: { id: string },
  analysisId: string,
): Promise<{ documentDeleted: boolean }> {
  const outcome = await db.transaction(async (tx) => {
    const [target] = await tx
      .select({ documentId: analyses.documentId })
      .from(analyses)
      .where(
        and(eq(analyses.id, analysisId), eq(analyses.userId, user.id), isNull(analyses.deletedAt)),
      );
    if (!target) throw notFound("Analysis");
    // The document's lock first, as confirm and retry take it: nothing starts on it meanwhile.
    await tx
      .select({ id: documents.id })
      .from(documents)
      .where(eq(documents.id, target.documentId))
      .for("update");
    const [others] = await tx
      .select({ n: count() })
      .from(analyses)
      .where(
        and(
          eq(analyses.documentId, target.documentId),
          ne(analyses.id, analysisId),
          isNull(analyses.deletedAt),
        ),
      );
    const documentIds = (others?.n ?? 0) === 0 ? [target.documentId] : [];
    const purged = await purgeContent(tx, {
      userId: user.id,
      analysisIds: [analysisId],
      documentIds,
    });
    // A concurrent delete of the same analysis (or its document) got there first.
    if (purged.analyses === 0) throw notFound("Analysis");
    await recordAdminAction(tx, {
      actorId: user.id,
      kind: "delete_analysis",
      reason: DELETED_BY_USER,
      targetUserId: user.id,
      analysisId,
      data: {
        analyses: purged.analyses,
        documents: purged.documents,
        cancelled: purged.cancelledIds.length,
        releasedCredits: purged.releasedCredits,
      },
    });
    return purged;
  });
  await afterDeletion(user.id, outcome.cancelledIds);
  return { documentDeleted: outcome.documents > 0 };
}
