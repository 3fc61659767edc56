import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { assertUserEnabled } from "@/lib/auth/set-user-disabled";
import { holdCredits } from "@/lib/billing/hold-credits";
import { priceForPages } from "@/lib/billing/price-document";
import { db, type Tx } from "@/lib/db/client";
import { analyses, documents, idempotencyKeys } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { PIPELINE_STEP_COUNT } from "@/lib/jobs/analysis-steps-plan";
import type { AnalysisView } from "@/lib/jobs/analysis-view";
import { enqueueAnalysis } from "@/lib/jobs/enqueue-analysis";
import { getAnalysisView } from "@/lib/jobs/get-analysis";
import { recordEvent } from "@/lib/jobs/record-event";

export const confirmAnalysisInputSchema = z.object({
  documentId: z.string().uuid(),
  idempotencyKey: z.string().trim().min(8).max(200).optional(),
});

export type ConfirmAnalysisResult = {
  analysis: AnalysisView;
  /** 202 for a newly queued analysis and for every replay of it. */
  status: 202;
  /** True when an existing analysis was returned instead of creating one. */
  duplicate: boolean;
};

/**
 * design.md "Confirm is one transaction": re-price from the stored document, hold the credits,
 * set `queued`. The document row lock serializes concurrent confirms of one document, so ten
 * clicks make one analysis and one hold. Enqueue happens only after commit.
 */
export async function confirmAnalysis(input: {
  userId: string;
  documentId: string;
  idempotencyKey?: string;
}): Promise<ConfirmAnalysisResult> {
  await assertUserEnabled(input.userId);
  const outcome = await db.transaction(async (tx) => {
    const [doc] = await tx
      .select({ id: documents.id, pageCount: documents.pageCount, filename: documents.filename })
      .from(documents)
      .where(and(eq(documents.id, input.documentId), eq(documents.userId, input.userId)))
      .for("update");
    if (!doc) throw notFound("Document");

    if (input.idempotencyKey) {
      const [seen] = await tx
        .select()
        .from(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.userId, input.userId),
            eq(idempotencyKeys.key, input.idempotencyKey),
          ),
        );
      if (seen && seen.documentId !== input.documentId) {
        throw new AppError(
          "idempotency_mismatch",
          "This idempotency key was already used to confirm a different document.",
        );
      }
      if (seen) return { analysisId: seen.analysisId, duplicate: true, enqueue: false };
    }

    const [active] = await tx
      .select({ id: analyses.id })
      .from(analyses)
      .where(and(eq(analyses.documentId, doc.id), inArray(analyses.status, ["queued", "running"])));
    if (active) {
      await rememberKey(tx, input, active.id);
      return { analysisId: active.id, duplicate: true, enqueue: false };
    }

    const price = priceForPages(doc.pageCount);
    const [quoted] = await tx
      .select({ id: analyses.id })
      .from(analyses)
      .where(and(eq(analyses.documentId, doc.id), eq(analyses.status, "quoted")))
      .orderBy(desc(analyses.createdAt))
      .limit(1)
      // Locked so a concurrent cancel of this quote cannot be overwritten by `queued`. Lock order
      // everywhere is analysis row, then balance row, so confirm, cancel and finish never deadlock.
      .for("update");
    const analysisId =
      quoted?.id ??
      (
        await tx
          .insert(analyses)
          .values({ userId: input.userId, documentId: doc.id, priceCredits: price })
          .returning({ id: analyses.id })
      )[0]!.id;

    await holdCredits(tx, { userId: input.userId, analysisId, amount: price });
    await tx
      .update(analyses)
      .set({
        status: "queued",
        priceCredits: price,
        stepCount: PIPELINE_STEP_COUNT,
        confirmedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(analyses.id, analysisId));
    await rememberKey(tx, input, analysisId);
    await recordEvent(tx, { analysisId, type: "confirmed", data: { priceCredits: price } });
    return { analysisId, duplicate: false, enqueue: true };
  });

  if (outcome.enqueue) await enqueueAnalysis(outcome.analysisId);
  const analysis = await getAnalysisView({ userId: input.userId, analysisId: outcome.analysisId });
  return { analysis, status: 202, duplicate: outcome.duplicate };
}

async function rememberKey(
  tx: Tx,
  input: { userId: string; documentId: string; idempotencyKey?: string },
  analysisId: string,
): Promise<void> {
  if (!input.idempotencyKey) return;
  await tx
    .insert(idempotencyKeys)
    .values({
      userId: input.userId,
      key: input.idempotencyKey,
      documentId: input.documentId,
      analysisId,
      responseStatus: 202,
    })
    .onConflictDoNothing();
}
