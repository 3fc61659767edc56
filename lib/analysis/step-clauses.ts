import type { AnalysisDraft } from "./analysis-draft";
import { deriveRiskFlags } from "./derive-risk-flags";
import { findAssignment } from "./extract/find-assignment";
import { findConfidentiality } from "./extract/find-confidentiality";
import { findExclusivity } from "./extract/find-exclusivity";
import { findGoverningLaw } from "./extract/find-governing-law";
import { findLiabilityCap } from "./extract/find-liability-cap";
import { findNonCompete } from "./extract/find-non-compete";
import { getDocumentIndex } from "./text/document-index";
import type { ScanContext } from "./text/scan-context";
import type { ExtractedText } from "./types";

/** Step 5: key clauses, then risk flags drawn from every section found so far. */
export function runClausesStep(
  text: ExtractedText,
  draft: AnalysisDraft,
  signal?: AbortSignal,
): void {
  const ctx: ScanContext = { index: getDocumentIndex(text, signal), signal };
  draft.keyClauses = {
    governingLaw: findGoverningLaw(ctx),
    liabilityCap: findLiabilityCap(ctx),
    exclusivity: findExclusivity(ctx),
    nonCompete: findNonCompete(ctx),
    assignment: findAssignment(ctx),
    confidentiality: findConfidentiality(ctx),
  };
  draft.riskFlags = deriveRiskFlags(draft);
}
