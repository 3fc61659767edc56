import { type DurationMatch, findDurations } from "../parse/parse-duration";

/** Wording that provides for renewal: "renew", "extended for", "evergreen", "year-to-year",
 *  "for successive one-year periods". */
export const RENEWAL =
  /\brenew(?:s|ed|al)?\b|\bextended\s+(?:automatically|for)\b|\bevergreen\b|\b(?:year|month)[- ]to[- ](?:year|month)\b|\bsuccessive\s+(?:[\w()-]+\s+){0,3}?(?:periods?|terms?)\b/i;

// "ninety (90) days prior written notice", "notice … at least 30 days before".
const NOTICE_AFTER =
  /^\s*(?:['’]s?\s*)?(?:\([^)]*\)\s*)?(?:prior|before|in\s+advance|advance|(?:prior\s+)?written\s+notice|notice)/i;
const NOTICE_BEFORE =
  /(?:notice|notify|notifies|notification)\b[^.]{0,60}(?:at\s+least|no\s+(?:less|later)\s+than|not\s+(?:less|later)\s+than|within|minimum\s+of)?\s*$/i;
export function isNoticeDuration(text: string, d: DurationMatch): boolean {
  const after = text.slice(d.end, d.end + 40);
  const before = text.slice(Math.max(0, d.start - 80), d.start);
  return NOTICE_AFTER.test(after) || NOTICE_BEFORE.test(before);
}

// Renewal lengths said without a number.
const IMPLIED_DURATIONS: { pattern: RegExp; amount: number; unit: "Y" | "M" }[] = [
  { pattern: /\b(?:annual(?:ly)?|year[- ]to[- ]year|yearly)\b/i, amount: 1, unit: "Y" },
  { pattern: /\b(?:monthly|month[- ]to[- ]month)\b/i, amount: 1, unit: "M" },
];
const SAME_AS_INITIAL =
  /\bsame\s+(?:duration|length|period)|\blike\s+(?:period|term)|\bequal\s+(?:in\s+length|period)/i;

function impliedDuration(text: string, initialTerm: string | null): DurationMatch | null {
  for (const { pattern, amount, unit } of IMPLIED_DURATIONS) {
    const m = pattern.exec(text);
    if (m) {
      const end = m.index + m[0].length;
      return { start: m.index, end, raw: m[0], amount, unit, iso: `P${amount}${unit}` };
    }
  }
  const same = SAME_AS_INITIAL.exec(text);
  const parsed = initialTerm ? /^P(\d+)([YMWD])$/.exec(initialTerm) : null;
  if (same && parsed) {
    const end = same.index + same[0].length;
    const unit = parsed[2] as DurationMatch["unit"];
    const amount = Number(parsed[1]);
    return { start: same.index, end, raw: same[0], amount, unit, iso: `P${amount}${unit}` };
  }
  return null;
}

const NEW_TERM_BEFORE =
  /\b(?:additional|successive|renewal|further|extension|single|another|new)\s+(?:[\w-]+\s+){0,2}?(?:terms?|periods?)\s+of\s+$/i;
const NEW_TERM_AFTER = /successive|additional|renewal/i;

/** The renewal length in a sentence about renewal; `initialTerm` resolves "the same period". */
export function findRenewalDuration(
  text: string,
  initialTerm: string | null,
): DurationMatch | null {
  const renewAt = text.search(RENEWAL);
  for (const d of findDurations(text)) {
    if (isNoticeDuration(text, d)) continue;
    // Renewals run for months or years; "within thirty (30) days of receipt" is a deadline.
    const before = text.slice(Math.max(0, d.start - 40), d.start);
    if ((d.unit === "D" || d.unit === "W") && !/\b(?:periods?|terms?)\s+of\s+$/i.test(before)) {
      continue;
    }
    // "the initial twenty (20) year term" is the term being renewed, not the renewal.
    if (/\binitial\s+(?:(?:term|period)\s+of\s+)?$/i.test(before)) continue;
    // Durations before the renewal wording are usually the initial term, unless they are said
    // to be another term ("for a single term of five (5) years … not to renew").
    const another = NEW_TERM_BEFORE.test(before);
    if (d.end < renewAt && !another && !NEW_TERM_AFTER.test(text.slice(d.end, d.end + 40))) {
      continue;
    }
    return d;
  }
  return impliedDuration(text, initialTerm);
}
