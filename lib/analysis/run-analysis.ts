import { createAnalysisDraft, finalizeAnalysisDraft } from "./analysis-draft";
import type { AnalysisResult } from "./result-schema";
import { ANALYSIS_STEPS } from "./steps";
import type { AnalysisStep, ExtractedText } from "./types";

export type RunAnalysisOptions = {
  signal?: AbortSignal;
  /** Called before each step starts (0-based index), e.g. to record progress. */
  onStep?: (index: number, step: AnalysisStep) => Promise<void>;
};

/** Runs every step in order and returns the validated result. Throws the abort reason if aborted. */
export async function runAnalysis(
  text: ExtractedText,
  options: RunAnalysisOptions = {},
): Promise<AnalysisResult> {
  const { signal, onStep } = options;
  const draft = createAnalysisDraft();
  for (const [index, step] of ANALYSIS_STEPS.entries()) {
    signal?.throwIfAborted();
    await onStep?.(index, step);
    await step.run(text, draft, signal);
  }
  signal?.throwIfAborted();
  return finalizeAnalysisDraft(draft);
}
