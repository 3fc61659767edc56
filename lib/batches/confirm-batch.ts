import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { admitAndEnqueue } from "@/lib/admission/admit-analyses";
import { findEarlierAnalyses } from "@/lib/analyses/find-earlier-analyses";
import { insertEventsSql, recordEvents } from "@/lib/analyses/record-event";
import { assertAccountEnabled } from "@/lib/auth/set-user-disabled";
import { holdCredits, lockAvailableCredits } from "@/lib/billing/hold-credits";
import { priceForDocument } from "@/lib/billing/price-document";
import { db, type Tx } from "@/lib/db/client";
import { analyses, type BatchProblem, batches, documents, users } from "@/lib/db/schema";
import { assertDocumentStored } from "@/lib/deletion/assert-document-stored";
import { NOT_A_CONTRACT } from "@/lib/documents/score-contract-likeness";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { stepCountFor } from "@/lib/jobs/progress-plan";
import { moreCreditsHint } from "@/lib/purchases/credit-packs";
import type { BatchView } from "./batch-view";
import { earlierAnalysisProblem } from "./earlier-analysis-problem";
import { getBatchView } from "./get-batch";

export const idempotencyKeySchema = z.string().trim().min(8).max(200);

const plural = (n: number) => (n === 1 ? "credit" : "credits");

function batchShort(total: number, available: number): AppError {
  const missing = total - available;
  const hint = moreCreditsHint();
  return new AppError(
    "insufficient_credits",
    `This batch needs ${total} ${plural(total)}; you have ${available} available — ${missing} more ${plural(missing)} needed. Nothing was charged. ${hint.text}`,
    { price: total, available, missing, ...hint.details },
  );
}

/**
 * design.md "Confirm is one transaction", for a whole batch: the batch row's lock serializes
 * confirms of it (a confirmed batch answers with its state, never a second hold); every quoted
 * analysis is re-priced from its stored document; a file the user has since had analysed or
 * confirmed elsewhere is left out, free; the balance must cover the total — else nothing is
 * written and the answer says how many credits are missing — and then each gets its hold
 * (`holdCredits`, the one way credits are held) and becomes `queued`. Admission after commit.
 * Lock order as everywhere: analysis rows, then the balance row.
 */
export async function confirmBatch(input: {
  userId: string;
  batchId: string;
  idempotencyKey?: string;
  /** Analyse the files whose quote warned they do not look like contracts (else 422). */
  acknowledgeWarnings?: boolean;
}): Promise<{ batch: BatchView; duplicate: boolean }> {
  const outcome = await db.transaction(async (tx): Promise<ConfirmOutcome> => {
    const [batch] = await tx
      .select({ confirmedAt: batches.confirmedAt, disabledAt: users.disabledAt })
      .from(batches)
      .innerJoin(users, eq(users.id, batches.userId))
      .where(and(eq(batches.id, input.batchId), eq(batches.userId, input.userId)))
      .for("update", { of: batches });
    if (!batch) throw notFound("Batch");
    assertAccountEnabled(batch);
    if (batch.confirmedAt) return "already_confirmed";

    const quoted = await tx
      .select({
        id: analyses.id,
        documentId: documents.id,
        sha256: documents.sha256,
        pageCount: documents.pageCount,
        scannedPages: documents.scannedPages,
        kind: documents.kind,
        filename: documents.filename,
        quoteWarning: analyses.quoteWarning,
        deletedAt: documents.deletedAt,
        bytesPurgedAt: documents.bytesPurgedAt,
      })
      .from(analyses)
      .innerJoin(documents, eq(documents.id, analyses.documentId))
      .where(and(eq(analyses.batchId, input.batchId), eq(analyses.status, "quoted")))
      .orderBy(asc(analyses.createdAt), asc(analyses.id))
      .for("update", { of: analyses });
    if (quoted.length === 0) {
      throw new AppError(
        "conflict",
        "This batch has no quoted contracts left to analyze (their quotes expired or they were started one by one). Upload them again for a new quote. Nothing was charged.",
      );
    }
    for (const doc of quoted) assertDocumentStored(doc);
    const available = (await lockAvailableCredits(tx, input.userId)) ?? 0;
    const { toQueue, leftOut } = await leaveOutPaidElsewhere(tx, input.userId, quoted);
    const warned = toQueue.filter((a) => a.quoteWarning === NOT_A_CONTRACT);
    if (warned.length > 0 && !input.acknowledgeWarnings) {
      throw new AppError(
        "not_a_contract",
        `${warned.map((a) => a.filename).join(", ")} ${warned.length === 1 ? "does" : "do"} not look like a contract (too few words or no contract language). Confirm with “Analyze anyway” (acknowledgeWarnings) to analyze them. Nothing was charged.`,
        { warning: NOT_A_CONTRACT, analysisIds: warned.map((a) => a.id) },
      );
    }
    if (leftOut.length > 0) await recordLeftOut(tx, input.batchId, leftOut);
    if (toQueue.length === 0) {
      await tx
        .update(batches)
        .set({ confirmedAt: sql`now()`, confirmKey: input.idempotencyKey ?? null })
        .where(eq(batches.id, input.batchId));
      return "nothing_left";
    }
    const holds = toQueue.map((a) => ({
      userId: input.userId,
      analysisId: a.id,
      amount: priceForDocument(a),
      steps: stepCountFor(a, env.CHUNK_PAGES),
    }));
    const total = holds.reduce((sum, h) => sum + h.amount, 0);
    if (available < total) throw batchShort(total, available);

    for (const hold of holds) await holdCredits(tx, hold);
    const rows = JSON.stringify(
      holds.map((h, i) => ({
        id: h.analysisId,
        price: h.amount,
        n: i + 1,
        steps: h.steps,
      })),
    );
    await tx.execute(sql`
      with priced as (
        select * from jsonb_to_recordset(${rows}::jsonb) as p(id uuid, price int, n int, steps int)
      ), queued as (
        -- One microsecond apart in the batch's order: admission and queue places go by
        -- confirmed_at (FIFO within a user), and one shared now() would leave them to the ids.
        update analyses a set status = 'queued', price_credits = priced.price,
          step_count = priced.steps,
          confirmed_at = now() + make_interval(secs => priced.n / 1000000.0), updated_at = now()
        from priced where a.id = priced.id
        returning a.id
      ), timeline as (
        ${insertEventsSql(
          holds.map((h) => ({
            analysisId: h.analysisId,
            type: "confirmed" as const,
            data: { priceCredits: h.amount, batchId: input.batchId },
          })),
          sql`true`,
        )}
      )
      update batches set confirmed_at = now(), confirm_key = ${input.idempotencyKey ?? null}
      where id = ${input.batchId}::uuid`);
    return "queued";
  });

  if (outcome === "queued") await admitAndEnqueue([input.userId]);
  const batch = await getBatchView({ userId: input.userId, batchId: input.batchId });
  return { batch, duplicate: outcome === "already_confirmed" };
}

type ConfirmOutcome = "queued" | "already_confirmed" | "nothing_left";
type QuotedFile = { id: string; documentId: string; sha256: string; filename: string };
type LeftOut = { analysisId: string; problem: BatchProblem };

/**
 * The batch's files this user is already paying for elsewhere: analysed since the batch was made,
 * or confirmed in another batch or on their own in the meantime. Read under the user's balance
 * row lock, which every confirm takes (a batch's here, a single upload's in `confirmAnalysis`),
 * so a confirm of the same file that came first has committed and is seen: two batches with one
 * contract, confirmed at once, pay for it once.
 */
async function leaveOutPaidElsewhere<T extends QuotedFile>(
  tx: Tx,
  userId: string,
  quoted: readonly T[],
): Promise<{ toQueue: T[]; leftOut: LeftOut[] }> {
  const toQueue: T[] = [];
  const leftOut: LeftOut[] = [];
  for (const file of quoted) {
    const earlier = await findEarlierAnalyses(tx, {
      userId,
      sha256: file.sha256,
      exceptDocumentId: file.documentId,
    });
    const problem = earlierAnalysisProblem(file.filename, earlier);
    if (problem) leftOut.push({ analysisId: file.id, problem });
    else toQueue.push(file);
  }
  return { toQueue, leftOut };
}

/**
 * Left-out quotes end `cancelled` at price 0 (never held, nothing to release; the batch's total
 * then counts what is paid) with the reason as their message, and join the batch's problems.
 */
async function recordLeftOut(tx: Tx, batchId: string, leftOut: readonly LeftOut[]): Promise<void> {
  const reasons = JSON.stringify(
    leftOut.map(({ analysisId, problem }) => ({
      id: analysisId,
      code: problem.code,
      message: problem.message,
    })),
  );
  await tx.execute(sql`
    update analyses a set status = 'cancelled', price_credits = 0, finished_at = now(),
      updated_at = now(), error_code = r.code, error_message = r.message
    from jsonb_to_recordset(${reasons}::jsonb) as r(id uuid, code text, message text)
    where a.id = r.id`);
  await recordEvents(
    tx,
    leftOut.map(({ analysisId, problem }) => ({
      analysisId,
      type: "cancelled" as const,
      data: { from: "quoted", reason: problem.code, earlierAnalysisId: problem.analysisId },
    })),
  );
  const problems = JSON.stringify(leftOut.map((l) => l.problem));
  await tx.execute(
    sql`update batches set problems = problems || ${problems}::jsonb where id = ${batchId}::uuid`,
  );
}
