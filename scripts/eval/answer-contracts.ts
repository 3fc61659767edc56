import { runAnalysis } from "@/lib/analysis/run-analysis";
import type { AnalysisEngine } from "@/lib/analysis/select-analysis-steps";
import type { ExtractedText } from "@/lib/analysis/types";
import { analyzeLikeWorker } from "./analyze-like-worker";
import { readEngineAnswers } from "./read-engine-answers";
import type { ScoredContract } from "./score-contracts";
import { type CuadLabel, type EngineAnswers, EXACT_FIELDS, FLAG_FIELDS } from "./types";

/** What a failed analysis gives the user: no memo, so no date, no party and no flag. */
export const NO_ANSWERS: EngineAnswers = {
  exact: Object.fromEntries(EXACT_FIELDS.map((f) => [f, null])) as EngineAnswers["exact"],
  parties: [],
  flags: Object.fromEntries(FLAG_FIELDS.map((f) => [f, false])) as EngineAnswers["flags"],
};

export type EvalFailure = { file: string; error: string };

/**
 * Answers each labelled contract with `engine`: chunked as the worker does when `chunkPages` is
 * set (`analyzeLikeWorker`), else over the whole text in one run. A contract whose analysis
 * fails (a model error, an answer that twice missed the schema, a document too long for one
 * prompt) is scored as answering nothing and listed in `failures`: the score never silently
 * covers fewer contracts than were asked for.
 */
export async function answerContracts(
  labels: readonly CuadLabel[],
  readText: (label: CuadLabel) => Promise<ExtractedText>,
  engine: AnalysisEngine,
  chunkPages: number | null,
): Promise<{ scored: ScoredContract[]; failures: EvalFailure[] }> {
  const scored: ScoredContract[] = [];
  const failures: EvalFailure[] = [];
  for (const label of labels) {
    const text = await readText(label);
    try {
      const result =
        chunkPages === null
          ? await runAnalysis(text, { steps: engine.steps })
          : await analyzeLikeWorker(text, engine.steps, chunkPages);
      scored.push({ label, answers: readEngineAnswers(result) });
    } catch (error) {
      failures.push({ file: label.pdfFile, error: (error as Error).message });
      scored.push({ label, answers: NO_ANSWERS });
    }
  }
  return { scored, failures };
}
