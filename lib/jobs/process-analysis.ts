import { mergeChunkFindings } from "@/lib/analysis/merge-chunk-findings";
import { renderMemoMarkdown } from "@/lib/analysis/render-memo-markdown";
import { ANALYSIS_RESULT_VERSION, type AnalysisResult } from "@/lib/analysis/result-schema";
import { analyzeChunk, identifyContract, runAnalysis } from "@/lib/analysis/run-analysis";
import { type AnalysisEngine, selectAnalysisEngine } from "@/lib/analysis/select-analysis-steps";
import { loadStoredDocument, type StoredDocument } from "@/lib/documents/load-stored-document";
import { readStoredDocumentText } from "@/lib/documents/read-stored-document-text";
import { env } from "@/lib/env";
import {
  completeAttempt,
  FencedOutError,
  resumeAttempt,
  startAttempt,
} from "@/lib/jobs/analysis-attempt";
import { countPendingChunks, loadChunkResults, saveChunkPlan } from "@/lib/jobs/analysis-chunks";
import {
  CHUNKED_STEP_COUNT,
  CHUNKED_STEP_LABELS,
  PIPELINE_STEP_COUNT,
  PIPELINE_STEP_LABELS,
} from "@/lib/jobs/analysis-steps-plan";
import type { JobPayload } from "@/lib/jobs/define-job";
import type { analyzeChunkJob } from "@/lib/jobs/definitions/analyze-chunk-job";
import type { analyzeJob } from "@/lib/jobs/definitions/analyze-job";
import { planChunks } from "@/lib/jobs/plan-chunks";
import { CHUNKED_PERCENT, isChunkedDocument, singlePassPercent } from "@/lib/jobs/progress-plan";
import { recordLlmUsage } from "@/lib/jobs/record-llm-usage";
import {
  endAttemptsExhausted,
  endCancelled,
  type Fence,
  type ProcessContext,
  type ProcessOutcome,
  runFencedAttempt,
} from "@/lib/jobs/run-attempt";
import { scannedPagesLabel } from "@/lib/jobs/scanned-pages-label";
import { StepReporter } from "@/lib/jobs/step-reporter";

export type { ProcessContext, ProcessOutcome } from "@/lib/jobs/run-attempt";

/** What the parent job needs from BullMQ to become a flow (provided by the worker). */
export type FanOutControl = {
  /** Stores in the job that its next run resumes `attempt` (merge) instead of claiming anew. */
  markResumable(attempt: number): Promise<void>;
  addChunks(chunks: readonly JobPayload<typeof analyzeChunkJob>[]): Promise<void>;
  /** True when the job now waits for its chunks; false when every chunk already finished. */
  waitForChunks(): Promise<boolean>;
};

/**
 * The parent job of an analysis. A small document runs in one pass: extract → five steps →
 * memo → finish. A PDF over `CHUNK_PAGES` pages fans out (design.md "Chunked work"): the parent
 * identifies the contract from its first pages, plans page chunks, adds them as child jobs and
 * waits; when they are done BullMQ runs it again and it merges, writes the memo and finishes —
 * within the same attempt, so fanning out never spends the retry budget. The payload was checked
 * by the kind's schema (the worker's dispatch).
 */
export async function processAnalysisJob(
  { analysisId, resumeAttempt: resumeFrom }: JobPayload<typeof analyzeJob>,
  ctx: ProcessContext,
  fanOut?: FanOutControl,
): Promise<ProcessOutcome> {
  // Resume only when every chunk is done; otherwise (chunks lost with Redis, or fenced out by a
  // newer claim) a fresh attempt plans again and re-adds just the unfinished chunks.
  const resume = resumeFrom !== undefined && (await countPendingChunks(analysisId)) === 0;
  const claim = resume
    ? await resumeAttempt(analysisId, resumeFrom, ctx.workerId)
    : await startAttempt(analysisId, ctx.workerId);
  if (!claim) {
    ctx.logger.info(
      { analysisId },
      "analysis not claimable (finished, unknown or fenced); skipping",
    );
    return "skipped";
  }
  const log = ctx.logger.child({ analysisId, attempt: claim.attempt });
  const fence: Fence = { analysisId, attempt: claim.attempt, workerId: ctx.workerId };
  if (claim.cancelRequested) return endCancelled(fence, log);
  if (!resume && claim.attempt > env.JOB_ATTEMPTS) return endAttemptsExhausted(fence, log);

  const isLastAttempt =
    ctx.attemptsMade + 1 >= ctx.maxAttempts || claim.attempt >= env.JOB_ATTEMPTS;
  if (!resume) log.info({ event: "JOB_START" }, "analysis started");
  let pages = 0;
  const engine = selectAnalysisEngine();
  // A fresh claim has just written step 1 to the row; a resumed attempt has not.
  const steps = new StepReporter(fence, resume ? undefined : Date.now());
  const outcome = await runFencedAttempt({ fence, ctx, log, isLastAttempt }, async (signal) => {
    const doc = claim.document ?? (await loadStoredDocument(claim.documentId));
    pages = doc.pageCount;
    if (resume) return mergeChunks(steps, doc, signal);
    // The same rule as the claim's step count (progress-plan.ts), so the plan shown holds.
    if (fanOut && isChunkedDocument(doc, env.CHUNK_PAGES)) {
      return startChunks(steps, doc, signal, fanOut, engine);
    }
    return runSinglePass(steps, doc, signal, engine);
  }).finally(() => Promise.all([steps.flush(), recordLlmUsage(fence, engine)]));
  if (outcome === "succeeded") {
    const durationMs = Date.now() - claim.startedAt.getTime();
    log.info({ event: "JOB_DONE", durationMs, pages }, "analysis succeeded");
  } else if (outcome === "waiting") {
    log.info({ event: "JOB_FANNED_OUT" }, "analysis waits for its chunks");
  }
  return outcome;
}

async function runSinglePass(
  steps: StepReporter,
  doc: StoredDocument,
  signal: AbortSignal,
  engine: AnalysisEngine,
): Promise<ProcessOutcome> {
  const step = (index: number) =>
    steps.step(
      {
        stepIndex: index + 1,
        stepCount: PIPELINE_STEP_COUNT,
        stepName: PIPELINE_STEP_LABELS[index] ?? "Working",
        percent: singlePassPercent(index + 1, PIPELINE_STEP_COUNT),
      },
      signal,
    );
  await step(0);
  const text = await readStoredDocumentText(doc, {
    signal,
    onScannedPage: (done, total) =>
      steps.detail(
        {
          stepIndex: 1,
          stepCount: PIPELINE_STEP_COUNT,
          stepName: scannedPagesLabel(done, total),
          // Step 1's share of the bar, filled page by page.
          percent: Math.floor((singlePassPercent(2, PIPELINE_STEP_COUNT) * done) / total),
        },
        signal,
      ),
  });
  const result = await runAnalysis(text, {
    signal,
    steps: engine.steps,
    onStep: (index) => step(index + 1),
  });
  await step(PIPELINE_STEP_COUNT - 1);
  await finish(steps, doc, result, PIPELINE_STEP_COUNT, text.unitLabel);
  return "succeeded";
}

async function startChunks(
  steps: StepReporter,
  doc: StoredDocument,
  signal: AbortSignal,
  fanOut: FanOutControl,
  engine: AnalysisEngine,
): Promise<ProcessOutcome> {
  const { fence } = steps;
  const stepCount = CHUNKED_STEP_COUNT;
  await steps.step(
    { stepIndex: 1, stepCount, stepName: CHUNKED_STEP_LABELS[0] ?? "", percent: 0 },
    signal,
  );
  // The preamble (title, parties, dates) is at the top: identify from the first chunk's pages,
  // and since they are read anyway, analyze that chunk here too.
  const plan = planChunks(doc.pageCount, env.CHUNK_PAGES);
  const firstChunk = plan[0];
  if (!firstChunk) throw new Error("a chunk plan has at least one chunk");
  const firstPages = await readStoredDocumentText(doc, {
    signal,
    pages: { first: firstChunk.firstPage, last: firstChunk.lastPage },
    // Between scanned pages: a cancel is seen and the heartbeat moves. The label the user sees
    // counts the scans read in the whole document, by every chunk (get-analysis.ts), not this
    // chunk's share, so it is not written here.
    onScannedPage: () =>
      steps.detail(
        { stepIndex: 1, stepCount, stepName: CHUNKED_STEP_LABELS[0] ?? "", percent: 0 },
        signal,
      ),
  });
  const identification = await identifyContract(firstPages, { signal, steps: engine.steps });
  // Identified: the first chunk's pages are analysed here, under "Analyzing pages".
  await steps.step(
    {
      stepIndex: 2,
      stepCount,
      stepName: CHUNKED_STEP_LABELS[1] ?? "",
      percent: CHUNKED_PERCENT.identified,
    },
    signal,
  );
  const pending = await saveChunkPlan(fence, {
    plan,
    identification,
    pageCount: doc.pageCount,
    firstChunkFindings: await analyzeChunk(firstPages, identification, {
      signal,
      steps: engine.steps,
    }),
  });
  if (pending.length > 0) {
    // Resumable first: if this worker dies after adding the chunks, the stalled parent merges.
    await fanOut.markResumable(fence.attempt);
    await fanOut.addChunks(
      pending.map((chunk) => ({
        analysisId: fence.analysisId,
        chunkIndex: chunk.chunkIndex,
        parentAttempt: fence.attempt,
      })),
    );
    if (await fanOut.waitForChunks()) return "waiting";
  }
  return mergeChunks(steps, doc, signal);
}

async function mergeChunks(
  steps: StepReporter,
  doc: StoredDocument,
  signal: AbortSignal,
): Promise<ProcessOutcome> {
  const stepCount = CHUNKED_STEP_COUNT;
  await steps.step(
    {
      stepIndex: stepCount,
      stepCount,
      stepName: CHUNKED_STEP_LABELS[2] ?? "",
      percent: CHUNKED_PERCENT.merging,
    },
    signal,
  );
  const { identification, chunks } = await loadChunkResults(steps.fence.analysisId);
  await finish(steps, doc, mergeChunkFindings(identification, chunks), stepCount, "page");
  return "succeeded";
}

/** Memo + result + capture + `succeeded` in one transaction (completeAttempt). */
async function finish(
  steps: StepReporter,
  doc: StoredDocument,
  result: AnalysisResult,
  stepCount: number,
  unitLabel: "page" | "paragraph",
): Promise<void> {
  const memoMarkdown = renderMemoMarkdown(result, {
    documentName: doc.filename,
    pageCount: doc.pageCount,
    unitLabel,
    generatedAt: new Date(),
  });
  const { fence } = steps;
  const saved = await completeAttempt(
    fence,
    {
      memoMarkdown,
      result,
      resultVersion: ANALYSIS_RESULT_VERSION,
      stepCount,
    },
    steps.takePending(),
  );
  if (!saved) throw new FencedOutError(fence.analysisId, fence.attempt);
}
