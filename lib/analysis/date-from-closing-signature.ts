import type { ClosingSignature } from "./extract/find-key-dates";
import type { Identification } from "./result-schema";

/**
 * An agreement the top of the contract leaves undated is dated by its closing signature block:
 * the last witness clause with a date, else the last date labelled or signed near the end.
 * `closings` are in page order: the whole text's one, or each chunk's. Applied after every step
 * in both runs, so that the term (read from the top's dates) is the same whole or chunked.
 */
export function dateFromClosingSignature(
  identification: Identification,
  closings: readonly (ClosingSignature | null | undefined)[],
): Identification {
  // A top that states the date is left blank ("dated as of [•], 2020") quotes that as evidence.
  const { value, evidence } = identification.agreementDate;
  if (value !== null || evidence !== null) return identification;
  const closing =
    closings.findLast((c) => c?.witnessed === true) ?? closings.findLast((c) => c != null);
  return closing ? { ...identification, agreementDate: closing.date } : identification;
}
