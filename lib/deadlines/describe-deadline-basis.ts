import { describeDuration } from "@/lib/analysis/parse/parse-duration";
import type { TermDates } from "@/lib/contract-terms/upcoming-dates";
import type { DeadlineKind } from "./group-deadlines";

/**
 * One sentence on where a deadline comes from, for the "estimated" tooltip and the calendar
 * entry: stated or computed, and from what. `termEnd` is the (possibly rolled) term end.
 */
export function describeDeadlineBasis(
  terms: TermDates,
  kind: DeadlineKind,
  termEnd: string,
): string {
  const rolled = terms.expirationDate !== null && termEnd !== terms.expirationDate;
  let end: string;
  if (rolled && terms.renewalTerm) {
    end = `the end of the current renewal term (${describeDuration(terms.renewalTerm)} renewals counted from the end date ${terms.expirationDate}, as the contract renews automatically)`;
  } else if (terms.expirationEstimated) {
    end = "the end date computed from the start date and the initial term";
  } else {
    end = "the end date stated in the contract";
  }
  if (kind === "expiration") {
    return rolled || terms.expirationEstimated
      ? `Estimated: ${end}.`
      : "The end date stated in the contract.";
  }
  const notice = terms.noticePeriod ? describeDuration(terms.noticePeriod) : "the notice period";
  return `${notice} of notice before ${end}${rolled || terms.expirationEstimated ? " (estimated)" : ""}.`.replace(
    /^./,
    (c) => c.toUpperCase(),
  );
}
