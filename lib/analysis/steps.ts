import { runClausesStep } from "./step-clauses";
import { runConsiderationStep } from "./step-consideration";
import { runIdentifyStep } from "./step-identify";
import { runObligationsStep } from "./step-obligations";
import { runTermStep } from "./step-term";
import type { AnalysisStep } from "./types";

/**
 * The analysis pipeline, in order. The worker runs these one by one to report progress; later
 * steps read earlier sections of the draft (parties, dates), so the order matters.
 */
export const ANALYSIS_STEPS: readonly AnalysisStep[] = [
  { id: "identify", label: "Identifying parties and dates", run: runIdentifyStep },
  { id: "term", label: "Reading term, renewal and termination", run: runTermStep },
  { id: "consideration", label: "Finding amounts and payment terms", run: runConsiderationStep },
  { id: "obligations", label: "Listing performance obligations", run: runObligationsStep },
  { id: "clauses", label: "Reviewing key clauses and risks", run: runClausesStep },
];
