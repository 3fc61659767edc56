import type { AnalysisDraft } from "./analysis-draft";
import { findRenewal } from "./extract/find-renewal";
import { findTerm } from "./extract/find-term";
import { findTerminationRights } from "./extract/find-termination-rights";
import { getDocumentIndex } from "./text/document-index";
import type { ScanContext } from "./text/scan-context";
import type { ExtractedText } from "./types";

/** Step 2: term, renewal and termination rights. Uses step 1's dates and parties if present. */
export function runTermStep(text: ExtractedText, draft: AnalysisDraft, signal?: AbortSignal): void {
  const ctx: ScanContext = { index: getDocumentIndex(text, signal), signal };
  const id = draft.identification;
  const startDate = id?.effectiveDate.value ?? id?.agreementDate.value ?? null;
  const { initialTerm, expirationDate, perpetual } = findTerm(
    ctx,
    startDate,
    id?.agreementDate.value ?? null,
  );
  const { renewalTerm, renewalNoticePeriod } = findRenewal(ctx, initialTerm.value);
  draft.term = {
    initialTerm,
    expirationDate,
    perpetual,
    renewalTerm,
    renewalNoticePeriod,
    terminationRights: findTerminationRights(ctx, id?.parties ?? []),
  };
}
