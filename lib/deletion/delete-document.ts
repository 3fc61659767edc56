import { and, eq, isNull } from "drizzle-orm";
import { recordAdminAction } from "@/lib/audit/record-admin-action";
import { db } from "@/lib/db/client";
import { analyses, documents } from "@/lib/db/schema";
import { afterDeletion } from "@/lib/deletion/after-deletion";
import { DELETED_BY_USER } from "@/lib/deletion/delete-analysis";
import { purgeContent } from "@/lib/deletion/purge-content";
import { notFound } from "@/lib/errors";

/**
 * The user deletes one of their documents and every analysis of it: running ones are ended and
 * released first, then bytes, name, memos, results and findings are purged at once. Someone
 * else's, or one already deleted: 404.
 */
export async function deleteDocument(
  user: { id: string },
  documentId: string,
): Promise<{ analyses: number }> {
  const outcome = await db.transaction(async (tx) => {
    const [doc] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(
        and(
          eq(documents.id, documentId),
          eq(documents.userId, user.id),
          isNull(documents.deletedAt),
        ),
      )
      .for("update");
    if (!doc) throw notFound("Document");
    const ofDocument = await tx
      .select({ id: analyses.id })
      .from(analyses)
      .where(and(eq(analyses.documentId, documentId), isNull(analyses.deletedAt)));
    const purged = await purgeContent(tx, {
      userId: user.id,
      analysisIds: ofDocument.map((a) => a.id),
      documentIds: [documentId],
    });
    // The row lock was taken before the check re-ran: a concurrent delete may have won.
    if (purged.documents === 0) throw notFound("Document");
    await recordAdminAction(tx, {
      actorId: user.id,
      kind: "delete_document",
      reason: DELETED_BY_USER,
      targetUserId: user.id,
      data: {
        documentId,
        documents: purged.documents,
        analyses: purged.analyses,
        cancelled: purged.cancelledIds.length,
        releasedCredits: purged.releasedCredits,
      },
    });
    return purged;
  });
  await afterDeletion(user.id, outcome.cancelledIds);
  return { analyses: outcome.analyses };
}
