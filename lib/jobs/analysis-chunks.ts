import { and, asc, eq, ne, type SQL, sql } from "drizzle-orm";
import { activeLimitOf } from "@/lib/admission/active-limit";
import { lockUserAdmission, readUserUnits } from "@/lib/admission/user-units";
import { recordEvent } from "@/lib/analyses/record-event";
import {
  type ChunkFindings,
  chunkFindingsSchema,
  identificationSchema,
} from "@/lib/analysis/chunk-findings";
import type { Identification } from "@/lib/analysis/result-schema";
import { db, type Tx } from "@/lib/db/client";
import { analyses, analysisChunks, users } from "@/lib/db/schema";
import { FencedOutError, whereCurrentAttempt } from "@/lib/jobs/analysis-attempt";
import { CHUNKED_STEP_COUNT, CHUNKED_STEP_LABELS } from "@/lib/jobs/analysis-steps-plan";
import type { ChunkPlan } from "@/lib/jobs/plan-chunks";
import { CHUNKED_PERCENT } from "@/lib/jobs/progress-plan";

type Fence = { analysisId: string; attempt: number; workerId: string };

/**
 * Percent of a chunked analysis while its chunks run: `chunkedPercent` of progress-plan.ts
 * (identified → pages done → merging), never below the percent already shown. In SQL, so a
 * chunk's completion computes it from the very row it updates, whatever other chunks finished
 * meanwhile.
 */
const chunkPercent = (pagesDone: SQL, pagesTotal: SQL) =>
  sql`greatest(${analyses.percent}, ${CHUNKED_PERCENT.identified}::int
    + (${CHUNKED_PERCENT.pages}::int * least(${pagesDone}, ${pagesTotal})) / greatest(${pagesTotal}, 1))`;

/**
 * Records the chunk plan and the contract's identification for this attempt, with the first
 * chunk already analyzed by the parent (it read those pages to identify the contract), keeping
 * chunks that an earlier attempt finished. Returns the chunks still to do, in page order.
 */
export async function saveChunkPlan(
  fence: Fence,
  input: {
    plan: readonly ChunkPlan[];
    identification: Identification;
    pageCount: number;
    firstChunkFindings: ChunkFindings;
  },
): Promise<ChunkPlan[]> {
  return db.transaction(async (tx) => {
    await tx
      .insert(analysisChunks)
      .values(input.plan.map((chunk) => ({ analysisId: fence.analysisId, ...chunk })))
      .onConflictDoNothing();
    await tx
      .update(analysisChunks)
      .set({
        status: "done",
        findings: input.firstChunkFindings,
        attempt: sql`${analysisChunks.attempt} + 1`,
        workerId: fence.workerId,
        startedAt: sql`now()`,
        finishedAt: sql`now()`,
      })
      .where(
        and(
          eq(analysisChunks.analysisId, fence.analysisId),
          eq(analysisChunks.chunkIndex, 0),
          ne(analysisChunks.status, "done"),
        ),
      );
    const rows = await tx
      .select({
        chunkIndex: analysisChunks.chunkIndex,
        firstPage: analysisChunks.firstPage,
        lastPage: analysisChunks.lastPage,
        ownedPages: analysisChunks.ownedPages,
        status: analysisChunks.status,
      })
      .from(analysisChunks)
      .where(eq(analysisChunks.analysisId, fence.analysisId))
      .orderBy(asc(analysisChunks.chunkIndex));
    const done = rows.filter((r) => r.status === "done");
    const pagesDone = done.reduce((sum, r) => sum + r.ownedPages, 0);
    const [updated] = await tx
      .update(analyses)
      .set({
        identification: input.identification,
        chunksTotal: rows.length,
        chunksDone: done.length,
        pagesTotal: input.pageCount,
        pagesDone,
        stepIndex: 2,
        stepCount: CHUNKED_STEP_COUNT,
        stepName: CHUNKED_STEP_LABELS[1],
        percent: chunkPercent(sql`${pagesDone}::int`, sql`${input.pageCount}::int`),
        heartbeatAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(whereCurrentAttempt(fence))
      .returning({ id: analyses.id });
    if (!updated) throw new FencedOutError(fence.analysisId, fence.attempt);
    await recordEvent(tx, {
      analysisId: fence.analysisId,
      type: "fanned_out",
      attempt: fence.attempt,
      workerId: fence.workerId,
      data: { chunks: rows.length, pending: rows.length - done.length, pages: input.pageCount },
    });
    return rows.filter((r) => r.status !== "done").map(({ status: _status, ...chunk }) => chunk);
  });
}

/** Chunks of an analysis not finished yet (any attempt). */
export async function countPendingChunks(analysisId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(analysisChunks)
    .where(and(eq(analysisChunks.analysisId, analysisId), ne(analysisChunks.status, "done")));
  return row?.n ?? 0;
}

export type ClaimedChunk = {
  chunkAttempt: number;
  firstPage: number;
  lastPage: number;
  ownedPages: number;
  documentId: string;
  identification: Identification;
};

/** A cancel was requested: the chunk is not claimed, the caller ends the analysis. */
export const CANCEL_REQUESTED = "cancel_requested";
/** The user holds all their units (design.md "Admission"): the chunk waits and tries again;
 *  `waitingUnits` of the user's work wait for a unit (wanted − held). */
export type ChunkGated = { gated: true; waitingUnits: number; limit: number };

/**
 * Claims a chunk for `fence.attempt` of its analysis (fenced like the analysis: the chunk's own
 * `attempt` goes up by one). Null when the analysis moved on (ended, or a newer attempt owns it)
 * or the chunk is already done: there is nothing to do. After a cancel request no chunk starts.
 */
export async function claimChunk(
  fence: Fence,
  chunkIndex: number,
): Promise<ClaimedChunk | typeof CANCEL_REQUESTED | ChunkGated | null> {
  return db.transaction(async (tx) => {
    const [analysis] = await tx
      .select({
        userId: analyses.userId,
        maxActiveAnalyses: users.maxActiveAnalyses,
        documentId: analyses.documentId,
        identification: analyses.identification,
        cancelRequestedAt: analyses.cancelRequestedAt,
      })
      .from(analyses)
      .innerJoin(users, eq(users.id, analyses.userId))
      .where(whereCurrentAttempt(fence));
    if (!analysis) return null;
    if (analysis.cancelRequestedAt !== null) return CANCEL_REQUESTED;
    const gate = await chunkGate(tx, fence.analysisId, chunkIndex, analysis);
    if (gate) return gate;
    const [chunk] = await tx
      .update(analysisChunks)
      .set({
        status: "running",
        attempt: sql`${analysisChunks.attempt} + 1`,
        workerId: fence.workerId,
        startedAt: sql`now()`,
      })
      .where(
        and(
          eq(analysisChunks.analysisId, fence.analysisId),
          eq(analysisChunks.chunkIndex, chunkIndex),
          ne(analysisChunks.status, "done"),
        ),
      )
      .returning({
        chunkAttempt: analysisChunks.attempt,
        firstPage: analysisChunks.firstPage,
        lastPage: analysisChunks.lastPage,
        ownedPages: analysisChunks.ownedPages,
      });
    if (!chunk) return null;
    await recordEvent(tx, {
      analysisId: fence.analysisId,
      type: "chunk_started",
      attempt: fence.attempt,
      workerId: fence.workerId,
      data: {
        chunk: chunkIndex,
        chunkAttempt: chunk.chunkAttempt,
        pages: [chunk.firstPage, chunk.lastPage],
      },
    });
    return {
      ...chunk,
      documentId: analysis.documentId,
      identification: identificationSchema.parse(analysis.identification),
    };
  });
}

/**
 * The chunk gate (design.md "Admission"): a chunk may start when its analysis has no other
 * running chunk (it uses the analysis's own unit), when it is already running (a claim taken
 * over from a dead worker adds nothing) or done (the claim finds nothing to do), or when its user holds fewer units than their limit.
 * Decided under the user's admission lock, so two workers cannot both take the last unit.
 */
async function chunkGate(
  tx: Tx,
  analysisId: string,
  chunkIndex: number,
  owner: { userId: string; maxActiveAnalyses: number | null },
): Promise<ChunkGated | null> {
  const limit = activeLimitOf(owner);
  if (limit === null) return null;
  await lockUserAdmission(tx, owner.userId);
  const [chunks] = await tx.execute<{ mine_started: boolean; others_running: number }>(sql`
    select
      coalesce(bool_or(chunk_index = ${chunkIndex} and status <> 'pending'), false)
        as mine_started,
      (count(*) filter (where chunk_index <> ${chunkIndex} and status = 'running'))::int
        as others_running
    from analysis_chunks where analysis_id = ${analysisId}`);
  if (chunks?.mine_started || Number(chunks?.others_running ?? 0) === 0) return null;
  const { held, wanted } = await readUserUnits(tx, owner.userId);
  return held < limit ? null : { gated: true, waitingUnits: wanted - held, limit };
}

/**
 * Saves a chunk's findings and advances the analysis's pages-done progress in one transaction.
 * False when this claim of the chunk is no longer current; throws FencedOutError when the
 * analysis attempt is not (the chunk write is rolled back).
 */
export async function completeChunk(
  fence: Fence,
  chunk: { chunkIndex: number; chunkAttempt: number; ownedPages: number },
  findings: ChunkFindings,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .update(analysisChunks)
      .set({ status: "done", findings, finishedAt: sql`now()` })
      .where(
        and(
          eq(analysisChunks.analysisId, fence.analysisId),
          eq(analysisChunks.chunkIndex, chunk.chunkIndex),
          eq(analysisChunks.attempt, chunk.chunkAttempt),
          eq(analysisChunks.status, "running"),
        ),
      )
      .returning({ chunkIndex: analysisChunks.chunkIndex });
    if (!saved) return false;
    const pagesDone = sql`${analyses.pagesDone} + ${chunk.ownedPages}`;
    const [progress] = await tx
      .update(analyses)
      .set({
        chunksDone: sql`${analyses.chunksDone} + 1`,
        pagesDone: sql`${pagesDone}`,
        percent: chunkPercent(pagesDone, sql`${analyses.pagesTotal}`),
        heartbeatAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(whereCurrentAttempt(fence))
      .returning({ pagesDone: analyses.pagesDone });
    if (!progress) throw new FencedOutError(fence.analysisId, fence.attempt);
    await recordEvent(tx, {
      analysisId: fence.analysisId,
      type: "chunk_done",
      attempt: fence.attempt,
      workerId: fence.workerId,
      data: {
        chunk: chunk.chunkIndex,
        chunkAttempt: chunk.chunkAttempt,
        pagesDone: progress.pagesDone,
      },
    });
    return true;
  });
}

/** Everything the merge needs, read back and re-validated; throws if a chunk is not done. */
export async function loadChunkResults(
  analysisId: string,
): Promise<{ identification: Identification; chunks: ChunkFindings[] }> {
  const [analysis] = await db
    .select({ identification: analyses.identification })
    .from(analyses)
    .where(eq(analyses.id, analysisId));
  const rows = await db
    .select({ status: analysisChunks.status, findings: analysisChunks.findings })
    .from(analysisChunks)
    .where(eq(analysisChunks.analysisId, analysisId))
    .orderBy(asc(analysisChunks.chunkIndex));
  if (rows.length === 0 || rows.some((r) => r.status !== "done")) {
    throw new Error(`analysis ${analysisId} has unfinished chunks`);
  }
  return {
    identification: identificationSchema.parse(analysis?.identification),
    chunks: rows.map((r) => chunkFindingsSchema.parse(r.findings)),
  };
}
