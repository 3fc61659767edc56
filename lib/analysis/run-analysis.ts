import { createAnalysisDraft, finalizeAnalysisDraft } from "./analysis-draft";
import type { ChunkFindings } from "./chunk-findings";
import { dateFromClosingSignature } from "./date-from-closing-signature";
import { findClosingSignatureDate } from "./extract/find-key-dates";
import type { AnalysisResult, Identification } from "./result-schema";
import { ANALYSIS_STEPS } from "./steps";
import { getDocumentIndex } from "./text/document-index";
import type { AnalysisStep, ExtractedText } from "./types";

export type RunAnalysisOptions = {
  signal?: AbortSignal;
  /** The engine's steps (`selectAnalysisEngine`); the local rules by default. */
  steps?: readonly AnalysisStep[];
  /** Called before each step starts (0-based index), e.g. to record progress. */
  onStep?: (index: number, step: AnalysisStep) => Promise<void>;
};

/** Runs every step in order and returns the validated result. Throws the abort reason if aborted. */
export async function runAnalysis(
  text: ExtractedText,
  options: RunAnalysisOptions = {},
): Promise<AnalysisResult> {
  const { signal, onStep, steps = ANALYSIS_STEPS } = options;
  const draft = createAnalysisDraft();
  for (const [index, step] of steps.entries()) {
    signal?.throwIfAborted();
    await onStep?.(index, step);
    await step.run(text, draft, signal);
  }
  signal?.throwIfAborted();
  if (draft.identification && steps[0] === ANALYSIS_STEPS[0]) {
    const closing = findClosingSignatureDate({ index: getDocumentIndex(text, signal), signal });
    draft.identification = dateFromClosingSignature(draft.identification, [closing]);
  }
  return finalizeAnalysisDraft(draft);
}

/**
 * Step 1 alone, for a chunked analysis: the parent runs it once on the first pages (where the
 * preamble is) and hands the result to every chunk.
 */
export async function identifyContract(
  text: ExtractedText,
  options: { signal?: AbortSignal; steps?: readonly AnalysisStep[] } = {},
): Promise<Identification> {
  const [identifyStep] = options.steps ?? ANALYSIS_STEPS;
  const draft = createAnalysisDraft();
  await identifyStep?.run(text, draft, options.signal);
  if (!draft.identification) throw new Error("the identify step produced no identification");
  return draft.identification;
}

/**
 * Steps 2–5 over one chunk's pages, with the contract's identification given. Risk flags are
 * left out: they are drawn from the merged findings of all chunks (`mergeChunkFindings`).
 */
export async function analyzeChunk(
  text: ExtractedText,
  identification: Identification,
  options: { signal?: AbortSignal; steps?: readonly AnalysisStep[] } = {},
): Promise<ChunkFindings> {
  const { signal } = options;
  const [identifyStep, ...chunkSteps] = options.steps ?? ANALYSIS_STEPS;
  const draft = createAnalysisDraft();
  draft.identification = identification;
  for (const step of chunkSteps) {
    signal?.throwIfAborted();
    await step.run(text, draft, signal);
  }
  signal?.throwIfAborted();
  const { term, consideration, performanceObligations, keyClauses } = draft;
  if (!term || !consideration || !performanceObligations || !keyClauses) {
    throw new Error("a chunk step left its section empty");
  }
  const findings: ChunkFindings = { term, consideration, performanceObligations, keyClauses };
  // The rules' identification dates an undated top from the closing signature block; the merge
  // does so from the chunks' (the first chunk cannot see the end).
  if (identifyStep === ANALYSIS_STEPS[0]) {
    const closing = findClosingSignatureDate({ index: getDocumentIndex(text, signal), signal });
    if (closing) findings.closingSignature = closing;
  }
  return findings;
}
