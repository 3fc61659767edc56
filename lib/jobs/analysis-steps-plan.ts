import { ANALYSIS_STEPS } from "@/lib/analysis/steps";

/** The progress plan every analysis follows: extraction, the five analysis steps, then the memo. */
export const PIPELINE_STEP_LABELS: readonly string[] = [
  "Extracting text",
  ...ANALYSIS_STEPS.map((step) => step.label),
  "Writing the memo",
];

export const PIPELINE_STEP_COUNT = PIPELINE_STEP_LABELS.length;
