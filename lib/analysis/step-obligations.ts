import type { AnalysisDraft } from "./analysis-draft";
import { findObligations } from "./extract/find-obligations";
import { getDocumentIndex } from "./text/document-index";
import type { ScanContext } from "./text/scan-context";
import type { ExtractedText } from "./types";

/** Step 4: candidate performance obligations. Uses step 1's parties to name promisors. */
export function runObligationsStep(
  text: ExtractedText,
  draft: AnalysisDraft,
  signal?: AbortSignal,
): void {
  const ctx: ScanContext = { index: getDocumentIndex(text, signal), signal };
  draft.performanceObligations = findObligations(ctx, draft.identification?.parties ?? []);
}
