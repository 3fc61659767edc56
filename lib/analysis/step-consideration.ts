import type { AnalysisDraft } from "./analysis-draft";
import { findContractAmounts } from "./extract/find-amounts";
import { findPaymentTerms } from "./extract/find-payment-terms";
import { findVariableConsideration } from "./extract/find-variable-consideration";
import { getDocumentIndex } from "./text/document-index";
import type { ScanContext } from "./text/scan-context";
import type { ExtractedText } from "./types";

/** Step 3: amounts, payment terms and variable-consideration signals. */
export function runConsiderationStep(
  text: ExtractedText,
  draft: AnalysisDraft,
  signal?: AbortSignal,
): void {
  const ctx: ScanContext = { index: getDocumentIndex(text, signal), signal };
  draft.consideration = {
    amounts: findContractAmounts(ctx),
    paymentTerms: findPaymentTerms(ctx),
    variableConsiderationSignals: findVariableConsideration(ctx),
  };
}
