import { setTimeout as sleep } from "node:timers/promises";
import { ChunkGatedError, gatedChunkDelayMs } from "@/lib/admission/chunk-gate";
import { analyzeChunk } from "@/lib/analysis/run-analysis";
import { selectAnalysisEngine } from "@/lib/analysis/select-analysis-steps";
import { loadStoredDocument } from "@/lib/documents/load-stored-document";
import { readStoredDocumentText } from "@/lib/documents/read-stored-document-text";
import { env } from "@/lib/env";
import { CANCEL_REQUESTED, claimChunk, completeChunk } from "@/lib/jobs/analysis-chunks";
import type { JobPayload } from "@/lib/jobs/define-job";
import type { analyzeChunkJob } from "@/lib/jobs/definitions/analyze-chunk-job";
import { recordLlmUsage } from "@/lib/jobs/record-llm-usage";
import {
  endAttemptsExhausted,
  endCancelled,
  type Fence,
  type ProcessContext,
  type ProcessOutcome,
  runFencedAttempt,
} from "@/lib/jobs/run-attempt";

/**
 * One page chunk of a chunked analysis (a child job of the analysis's BullMQ flow): extract its
 * pages, run steps 2–5 with the parent's identification, save the findings and advance the
 * pages-done progress. It works for one attempt of the analysis and is fenced by it: a chunk of
 * an ended, cancelled or superseded analysis does nothing. A cancel seen here ends the analysis
 * (so the remaining chunks skip); a chunk that spends its retries fails the analysis, and the
 * hold is released.
 */
export async function processAnalysisChunkJob(
  { analysisId, chunkIndex, parentAttempt }: JobPayload<typeof analyzeChunkJob>,
  ctx: ProcessContext,
): Promise<ProcessOutcome> {
  const fence: Fence = { analysisId, attempt: parentAttempt, workerId: ctx.workerId };
  const claim = await claimChunk(fence, chunkIndex);
  if (claim === CANCEL_REQUESTED) {
    return endCancelled(fence, ctx.logger.child({ analysisId, attempt: parentAttempt }));
  }
  if (!claim) {
    ctx.logger.info(
      { analysisId, attempt: parentAttempt, chunk: chunkIndex },
      "chunk not claimable (analysis ended or superseded, or chunk done); skipping",
    );
    return "skipped";
  }
  // The user's other work holds all their units: the worker puts the chunk back for a while.
  if ("gated" in claim) {
    throw new ChunkGatedError(gatedChunkDelayMs(claim.waitingUnits, claim.limit));
  }
  const log = ctx.logger.child({
    analysisId,
    attempt: parentAttempt,
    chunk: chunkIndex,
    chunkAttempt: claim.chunkAttempt,
  });
  if (claim.chunkAttempt > env.JOB_ATTEMPTS) return endAttemptsExhausted(fence, log);

  const isLastAttempt =
    ctx.attemptsMade + 1 >= ctx.maxAttempts || claim.chunkAttempt >= env.JOB_ATTEMPTS;
  const eventData = { chunk: chunkIndex, chunkAttempt: claim.chunkAttempt };
  const engine = selectAnalysisEngine();
  return runFencedAttempt({ fence, ctx, log, isLastAttempt, eventData }, async (signal) => {
    const startedAt = Date.now();
    failChunkForTest(chunkIndex, claim.chunkAttempt);
    if (env.ANALYSIS_STEP_DELAY_MS > 0) {
      await sleep(env.ANALYSIS_STEP_DELAY_MS, undefined, { signal });
    }
    const doc = await loadStoredDocument(claim.documentId);
    // Each chunk OCRs only the scans in its own pages, so a long scan is read by many workers.
    const text = await readStoredDocumentText(doc, {
      signal,
      pages: { first: claim.firstPage, last: claim.lastPage },
    });
    const findings = await analyzeChunk(text, claim.identification, {
      signal,
      steps: engine.steps,
    });
    const saved = await completeChunk(
      fence,
      { chunkIndex, chunkAttempt: claim.chunkAttempt, ownedPages: claim.ownedPages },
      findings,
    );
    if (!saved) {
      log.warn("chunk claim superseded (it stalled and was claimed again); result dropped");
      return "skipped";
    }
    log.info(
      {
        event: "CHUNK_DONE",
        pages: [claim.firstPage, claim.lastPage],
        durationMs: Date.now() - startedAt,
      },
      "chunk analyzed",
    );
    return "succeeded";
  }).finally(() => recordLlmUsage(fence, engine, { chunk: chunkIndex }));
}

/**
 * Test hook (env TEST_FAIL_CHUNK="index:times,…"): chunk `index` of every chunked analysis fails
 * its first `times` claims with a transient error, so tests can watch per-chunk retries.
 */
function failChunkForTest(chunkIndex: number, chunkAttempt: number): void {
  for (const rule of env.TEST_FAIL_CHUNK?.split(",") ?? []) {
    const [index, times] = rule.split(":").map(Number);
    if (index === chunkIndex && chunkAttempt <= (times ?? 0)) {
      throw new Error(`injected failure of chunk ${chunkIndex} (claim ${chunkAttempt})`);
    }
  }
}
