import type { AnalysisDraft } from "./analysis-draft";
import { findKeyDates } from "./extract/find-key-dates";
import { findParties } from "./extract/find-parties";
import { findPreambleCandidates } from "./extract/find-preamble";
import { findTitle } from "./extract/find-title";
import { getDocumentIndex } from "./text/document-index";
import type { ScanContext } from "./text/scan-context";
import type { ExtractedText } from "./types";

/** Step 1: title, parties and dates, all read from the top of the contract. */
export function runIdentifyStep(
  text: ExtractedText,
  draft: AnalysisDraft,
  signal?: AbortSignal,
): void {
  const ctx: ScanContext = { index: getDocumentIndex(text, signal), signal };
  const candidates = findPreambleCandidates(ctx);
  const { parties, region } = findParties(ctx, candidates);
  const { agreementDate, effectiveDate } = findKeyDates(ctx, region);
  draft.identification = {
    title: findTitle(ctx, region?.start ?? null),
    parties,
    agreementDate,
    effectiveDate,
  };
}
