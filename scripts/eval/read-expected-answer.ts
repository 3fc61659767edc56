import { normalizeDateAnswer } from "./normalize-date-answer";
import { normalizeDurationAnswer } from "./normalize-duration-answer";
import { normalizeExpirationAnswer } from "./normalize-expiration-answer";
import { normalizeJurisdictionAnswer } from "./normalize-jurisdiction-answer";
import type { CuadLabel, ExactField, Expected } from "./types";

const NORMALIZERS: Record<ExactField, (raw: string) => Expected> = {
  governing_law: normalizeJurisdictionAnswer,
  agreement_date: normalizeDateAnswer,
  effective_date: normalizeDateAnswer,
  expiration_date: normalizeExpirationAnswer,
  renewal_term: normalizeDurationAnswer,
  notice_period: normalizeDurationAnswer,
};

/** The label's answer for one exact-match field, normalized. */
export function readExpectedAnswer(label: CuadLabel, field: ExactField): Expected {
  return NORMALIZERS[field](label.answers.exact[field]);
}

/** How an expected answer reads in a miss list. */
export function describeExpected(expected: Expected): string {
  if (expected.kind === "absent") return "(not present)";
  if (expected.kind === "unscorable") return `(unscorable: ${expected.raw})`;
  return expected.values.join(" | ");
}
