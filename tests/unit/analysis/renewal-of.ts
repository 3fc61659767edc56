import { findRenewal } from "@/lib/analysis/extract/find-renewal";
import { scanText } from "./scan-text";

/** What findRenewal reads from a clause: the renewal term, whether automatic, and the notice. */
export function renewalOf(text: string, initialTerm: string | null = null) {
  const { renewalTerm, renewalNoticePeriod } = findRenewal(scanText(text), initialTerm);
  return {
    term: renewalTerm.value,
    automatic: renewalTerm.automatic,
    notice: renewalNoticePeriod.value,
  };
}
