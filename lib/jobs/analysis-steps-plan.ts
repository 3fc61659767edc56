import { ANALYSIS_STEPS } from "@/lib/analysis/steps";

/** Step 1 of every plan: the claim of an attempt writes it (lib/jobs/analysis-attempt.ts). */
export const FIRST_STEP_LABEL = "Reading the document";

/** The progress plan every analysis follows: extraction, the five analysis steps, then the memo. */
export const PIPELINE_STEP_LABELS: readonly string[] = [
  FIRST_STEP_LABEL,
  ...ANALYSIS_STEPS.map((step) => step.label),
  "Writing the memo",
];

export const PIPELINE_STEP_COUNT = PIPELINE_STEP_LABELS.length;

/** A chunked analysis (a PDF over `CHUNK_PAGES`): the parent's own steps around its chunks. */
export const CHUNKED_STEP_LABELS: readonly string[] = [
  FIRST_STEP_LABEL,
  "Analyzing pages",
  "Writing the memo",
];

export const CHUNKED_STEP_COUNT = CHUNKED_STEP_LABELS.length;
