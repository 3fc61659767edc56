import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { admitAndEnqueue } from "@/lib/admission/admit-analyses";
import { recordEvent } from "@/lib/analyses/record-event";
import { auditReasonSchema } from "@/lib/audit/audit-reason";
import { recordAdminAction } from "@/lib/audit/record-admin-action";
import { holdCredits } from "@/lib/billing/hold-credits";
import { priceForDocument } from "@/lib/billing/price-document";
import { db } from "@/lib/db/client";
import { analyses, documents } from "@/lib/db/schema";
import { assertDocumentStored } from "@/lib/deletion/assert-document-stored";
import { AppError, notFound } from "@/lib/errors";
import { PIPELINE_STEP_COUNT } from "@/lib/jobs/analysis-steps-plan";

export const retryAnalysisInputSchema = z.object({
  /** False (the default): free of charge to the user. True: charged like a confirm. */
  charge: z.boolean().default(false),
  reason: auditReasonSchema,
});
export type RetryAnalysisInput = z.infer<typeof retryAnalysisInputSchema>;

/**
 * An admin retries a failed analysis: a new analysis of the same document for the same user,
 * queued (admitted in the user's turn), linked to the failed one in both timelines and written to the audit log. Free
 * of charge unless the admin chooses to charge: a free retry has price 0 and moves no credits; a
 * charged one is priced from the stored document and held like any confirm (402 if the user
 * cannot pay). The failed analysis stays as it was — its history is not rewritten.
 */
export async function retryAnalysis(
  input: RetryAnalysisInput & { actorId: string; analysisId: string },
): Promise<{ analysisId: string; priceCredits: number }> {
  const created = await db.transaction(async (tx) => {
    const [failed] = await tx
      .select({
        id: analyses.id,
        status: analyses.status,
        userId: analyses.userId,
        documentId: analyses.documentId,
        deletedAt: analyses.deletedAt,
      })
      .from(analyses)
      .where(eq(analyses.id, input.analysisId));
    if (!failed) throw notFound("Analysis");
    if (failed.deletedAt) {
      throw new AppError("conflict", "Its owner deleted this analysis: it cannot be retried.");
    }
    if (failed.status !== "failed") {
      throw new AppError(
        "conflict",
        `Only a failed analysis can be retried (this one is ${failed.status}).`,
      );
    }
    // Same lock as confirm: one active analysis per document, whoever starts it.
    const [doc] = await tx
      .select({
        pageCount: documents.pageCount,
        scannedPages: documents.scannedPages,
        deletedAt: documents.deletedAt,
        bytesPurgedAt: documents.bytesPurgedAt,
      })
      .from(documents)
      .where(eq(documents.id, failed.documentId))
      .for("update");
    if (!doc) throw notFound("Document");
    assertDocumentStored(doc);
    const [active] = await tx
      .select({ id: analyses.id })
      .from(analyses)
      .where(
        and(
          eq(analyses.documentId, failed.documentId),
          inArray(analyses.status, ["queued", "running"]),
        ),
      );
    if (active) {
      throw new AppError("conflict", "This document already has an analysis in progress.", {
        analysisId: active.id,
      });
    }

    const price = input.charge ? priceForDocument(doc) : 0;
    const [row] = await tx
      .insert(analyses)
      .values({
        userId: failed.userId,
        documentId: failed.documentId,
        priceCredits: price,
        status: "queued",
        stepCount: PIPELINE_STEP_COUNT,
        confirmedAt: sql`now()`,
      })
      .returning({ id: analyses.id });
    const analysisId = row!.id;
    await holdCredits(tx, { userId: failed.userId, analysisId, amount: price });
    const data = {
      retryOf: failed.id,
      charged: input.charge,
      priceCredits: price,
      by: input.actorId,
    };
    await recordEvent(tx, { analysisId, type: "confirmed", data });
    await recordEvent(tx, {
      analysisId: failed.id,
      type: "retried",
      data: { retryAnalysisId: analysisId, charged: input.charge },
    });
    await recordAdminAction(tx, {
      actorId: input.actorId,
      kind: "retry_analysis",
      reason: input.reason,
      targetUserId: failed.userId,
      analysisId: failed.id,
      data: { retryAnalysisId: analysisId, charged: input.charge, priceCredits: price },
    });
    return { analysisId, priceCredits: price, userId: failed.userId };
  });
  // The retry waits for admission like any confirmed analysis (admitted_at is null).
  await admitAndEnqueue([created.userId]).catch(() => 0); // else maintenance admits it
  return { analysisId: created.analysisId, priceCredits: created.priceCredits };
}
