import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { admitAndEnqueue } from "@/lib/admission/admit-analyses";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import { assertConfirmGuards, type ConfirmFlags } from "@/lib/analyses/assert-confirm-guards";
import { getAnalysisView } from "@/lib/analyses/get-analysis";
import { insertEventsSql } from "@/lib/analyses/record-event";
import { assertAccountEnabled } from "@/lib/auth/set-user-disabled";
import { holdSteps, holdWith, lockAvailableCredits } from "@/lib/billing/hold-credits";
import { priceForDocument } from "@/lib/billing/price-document";
import { db, type Tx } from "@/lib/db/client";
import { analyses, documents, idempotencyKeys, users } from "@/lib/db/schema";
import { assertDocumentStored } from "@/lib/deletion/assert-document-stored";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { stepCountFor } from "@/lib/jobs/progress-plan";

export const confirmAnalysisInputSchema = z.object({
  documentId: z.string().uuid(),
  idempotencyKey: z.string().trim().min(8).max(200).optional(),
  /** Analyse again although this user has a memo (or a run in progress) of the same file. */
  rerun: z.boolean().optional(),
  /** Analyse although the quote warned the document does not look like a contract. */
  acknowledgeWarning: z.boolean().optional(),
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
 * clicks make one analysis and one hold. Admission (and the enqueue) happens only after commit.
 * Round trips: BEGIN, the document lock, one read of the key and the quote, the balance lock,
 * one read of an analysis under way, the duplicate guard's read, one write, COMMIT.
 */
export async function confirmAnalysis(
  input: {
    userId: string;
    documentId: string;
    idempotencyKey?: string;
  } & ConfirmFlags,
): Promise<ConfirmAnalysisResult> {
  const outcome = await db.transaction(async (tx) => {
    const [doc] = await tx
      .select({
        pageCount: documents.pageCount,
        scannedPages: documents.scannedPages,
        kind: documents.kind,
        sha256: documents.sha256,
        disabledAt: users.disabledAt,
        deletedAt: documents.deletedAt,
        bytesPurgedAt: documents.bytesPurgedAt,
      })
      .from(documents)
      .innerJoin(users, eq(users.id, documents.userId))
      .where(and(eq(documents.id, input.documentId), eq(documents.userId, input.userId)))
      .for("update", { of: documents });
    if (!doc) throw notFound("Document");
    assertAccountEnabled(doc);
    assertDocumentStored(doc);

    // Read after the lock (its own statement, so its own snapshot): a confirm that held the lock
    // before us has committed, and its analysis and key are visible here. The quote's row is
    // locked so a concurrent cancel of it cannot be overwritten by `queued`; lock order everywhere
    // is analysis row, then balance row, so confirm, cancel and finish never deadlock.
    const key = input.idempotencyKey ?? null;
    const [existing] = await tx.execute<{
      key_document_id: string | null;
      key_analysis_id: string | null;
      quoted_id: string | null;
      quote_warning: string | null;
    }>(sql`select k.document_id as key_document_id, k.analysis_id as key_analysis_id,
        (select id from analyses
          where document_id = ${input.documentId} and status = 'quoted'
          order by created_at desc limit 1 for update) as quoted_id,
        (select quote_warning from analyses
          where document_id = ${input.documentId} and quote_warning is not null
          order by created_at desc limit 1) as quote_warning
      from (values (1)) as one
      left join idempotency_keys k on k.user_id = ${input.userId} and k.key = ${key}`);
    if (existing?.key_analysis_id) {
      if (existing.key_document_id !== input.documentId) {
        throw new AppError(
          "idempotency_mismatch",
          "This idempotency key was already used to confirm a different document.",
        );
      }
      return { analysisId: existing.key_analysis_id, duplicate: true, enqueue: false };
    }

    // The balance row's lock (taken by the hold anyway) before looking for an analysis under
    // way and before the duplicate guard: every confirm of this user takes it, a batch's too,
    // so one that confirmed this document or the same file first has committed by now and both
    // reads see it. (A batch's confirm does not take the document lock: without this read, its
    // quote turned `queued` under us left no quote here, and a second row broke the one-active
    // index with a 500.)
    await lockAvailableCredits(tx, input.userId);
    const [active] = await tx
      .select({ id: analyses.id })
      .from(analyses)
      .where(
        and(
          eq(analyses.documentId, input.documentId),
          inArray(analyses.status, ["queued", "running"]),
        ),
      );
    if (active) {
      await rememberKey(tx, input, active.id);
      return { analysisId: active.id, duplicate: true, enqueue: false };
    }
    await assertConfirmGuards(tx, {
      ...input,
      sha256: doc.sha256,
      quoteWarning: existing?.quote_warning ?? null,
    });

    const price = priceForDocument(doc);
    const hold = {
      userId: input.userId,
      analysisId: existing?.quoted_id ?? randomUUID(),
      amount: price,
    };
    // The quote's row becomes `queued` (or a new row is inserted when there is none), only if
    // the hold went through; the idempotency key and the timeline entry go with it.
    await holdWith(tx, hold, async () => {
      const [written] = await tx.execute<{ held: boolean }>(sql`
        with ${holdSteps(hold)}, queued as (
          insert into analyses (id, user_id, document_id, price_credits, status, step_count, confirmed_at)
          select ${hold.analysisId}::uuid, ${input.userId}::uuid, ${input.documentId}::uuid,
            ${price}::int, 'queued', ${stepCountFor(doc, env.CHUNK_PAGES)}::int, now()
          from held
          on conflict (id) do update set status = 'queued', price_credits = excluded.price_credits,
            step_count = excluded.step_count, confirmed_at = now(), updated_at = now()
          returning id
        ), remembered as (
          insert into idempotency_keys (user_id, key, document_id, analysis_id, response_status)
          select ${input.userId}::uuid, ${key}::text, ${input.documentId}::uuid, id, 202
          from queued where ${key}::text is not null
          on conflict do nothing
        ), timeline as (
          ${insertEventsSql(
            [{ analysisId: hold.analysisId, type: "confirmed", data: { priceCredits: price } }],
            sql`exists (select 1 from queued)`,
          )}
        )
        select exists (select 1 from held) as held`);
      return written?.held === true;
    });
    return { analysisId: hold.analysisId, duplicate: false, enqueue: true };
  });

  // design.md "Admission": it starts now if the user has room, else it waits its turn.
  // A failure here leaves it waiting in Postgres; maintenance admits it.
  if (outcome.enqueue) await admitAndEnqueue([input.userId]).catch(() => 0);
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
