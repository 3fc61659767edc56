import {
  ANALYSIS_RESULT_VERSION,
  type AnalysisResult,
  analysisResultSchema,
} from "./result-schema";

/** The result under construction: each step fills its own section. */
export type AnalysisDraft = Partial<Omit<AnalysisResult, "version">>;

export function createAnalysisDraft(): AnalysisDraft {
  return {};
}

/** Validates a draft that every step has filled; throws a ZodError if a section is missing. */
export function finalizeAnalysisDraft(draft: AnalysisDraft): AnalysisResult {
  return analysisResultSchema.parse({ version: ANALYSIS_RESULT_VERSION, ...draft });
}
