import { findDigitFirstDurations } from "../parse/find-digit-first-durations";
import { findAnniversary } from "../parse/parse-anniversary";
import { type DurationMatch, findDurations } from "../parse/parse-duration";
import { hasOtherSubject } from "./has-other-subject";

const DURATION_LEAD =
  /(?:(?:initial\s+)?(?:period|term|duration)\s+of|\bfor|\bcontinue(?:\s+in\s+(?:full\s+)?(?:force\s+and\s+)?effect)?(?:\s+for)?|\bbe|\bis|\blast\s+for|\bterm(?:\s+of\s+(?:the\s+)?(?:agreement|contract))?\s*:)\s+(?:a\s+|an\s+|the\s+)?(?:initial\s+)?(?:fixed\s+)?(?:period\s+of\s+)?$/i;
// "end on the date which is thirty-six (36) months thereafter": counted from the start.
const COUNTED_FROM_START = /\b(?:date|day)\s+(?:which|that)\s+is\s+$/i;
const DURATION_TAIL = /^\s*(?:initial\s+(?:term|period)|term)\b/i;
const RENEWAL_NEARBY = /renew|successive|additional|extension|extend|notice|prior/i;
// "after"/"following" mark a notice or cure period, unless they count from the start of the term
// ("one (1) year after the Effective Date").
const NOTICE_AFTER =
  /^\s*(?:\([^)]*\)\s*)?(?:['’]s?\s*)?(?:prior|before|in\s+advance|advance|written|notice|(?:after|following)(?!\s+(?:the\s+)?(?:effective\s+date|commencement|date\s+(?:hereof|of\s+this)|execution|signing|it\s+is\s+signed|its\s+(?:signing|execution)))|from\s+(?:receipt|the\s+date\s+of\s+(?:notice|termination)))/i;
// "during the Term and for five (5) years thereafter": a period after the term, not the term.
// "effective from the Effective Date and shall continue in force for ten (10) years thereafter"
// counts from the start: "thereafter" follows the term only when the term was just named.
const AFTER_TERM = /^\s*(?:\([^)]*\)\s*)?after\s+(?:the\s+)?(?:termination|expiration)\b/i;
const THEREAFTER = /^\s*(?:\([^)]*\)\s*)?thereafter\b/i;
const TERM_JUST_NAMED = /\b(?:term|terminat\w*|expir\w*)\b/i;

// "shall expire on the fifth (5th) anniversary of the Effective Date".
const ENDS_BEFORE =
  /\b(?:expir\w*|terminat\w*|end(?:s|ing)?|until|through|continue|extend)\b[^.]{0,40}$/i;
// "the last day of the calendar month in which the fifth anniversary of the Effective Date
// occurs": the anniversary is counted, then run on to the period's end (`roundTermEnd`).
const IN_WHICH_BEFORE = /\b(?:year|quarter|month)\s+(?:in|during)\s+which\s+$/i;
// "a three (3) year period commencing on …": the length names the period it counts.
const PERIOD_AFTER = /^\s*(?:\([^)]*\)\s*)?(?:period|term)\b/i;
// "five (5) years from the date hereof", "a three (3) year period commencing on the Effective
// Date", "one (1) year following the Launch Date", "twelve (12) months after the Launch": a
// length counted from the start or from a named event the contract does not date (CUAD then
// counts from the effective date). Notices, terminations, payments and closings are not such
// events.
const COUNTED_FROM_START_AFTER =
  /^\s*(?:\([^)]*\)\s*)?(?:period\s+|term\s+)?(?:from|after|following|commencing|beginning|starting)\s+(?:on\s+|as\s+of\s+|with\s+)?(?:the\s+)?(?:date\s+(?:hereof|of\s+(?:this\s+agreement|execution|signature|signing))|effective\s+date|commencement\s+date|execution\s+date|(?![^.;,]{0,40}?\b(?:termination|expiration|notice|receipt|payment|invoice|closing))(?:[a-z][\w-]*\s+){0,3}(?:date|launch)\b)/i;

// "The initial production period shall be for a period of two (2) months …, and the remaining
// term of this Agreement shall be for a period of twenty four (24) months": a length whose own
// clause has another named period as its subject, and names neither the term nor the agreement,
// measures that period.
const CLAUSE_BREAK = /;|,\s*(?:and|but|while)\s+|\s+and\s+(?=the\s)/gi;
const OTHER_PERIOD =
  /\b(?:the|each|any|such)\s+(?:[a-z-]+\s+){0,2}?(?!(?:initial|contract|agreement|term|renewal)\b)[a-z-]+\s+period\b/i;
const NAMES_TERM = /\b(?:term|agreement|contract)\b/i;

function measuresOtherPeriod(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 120), at);
  const clause = before.split(CLAUSE_BREAK).pop() ?? before;
  return OTHER_PERIOD.test(clause) && !NAMES_TERM.test(clause);
}

/** How long the agreement runs, from a sentence already known to be about the term. */
export function findTermDuration(text: string): DurationMatch | null {
  const durations = [...findDurations(text), ...findDigitFirstDurations(text)].sort(
    (a, b) => a.start - b.start,
  );
  for (const d of durations) {
    const before = text.slice(Math.max(0, d.start - 60), d.start);
    const after = text.slice(d.end, d.end + 40);
    // Terms run for months or years; a count of days is almost always a notice or cure
    // period unless the sentence calls it the term.
    // ("remain in effect for a period of three hundred sixty-five (365) days" is a term: a count
    // of half a year or more, led as a term's length is.)
    const termInDays = d.unit === "D" && d.amount >= 180 && DURATION_LEAD.test(before);
    if ((d.unit === "D" || d.unit === "W") && !/\bterm\s+of\s+$/i.test(before) && !termInDays) {
      continue;
    }
    // "for a full Contract Year": a defined period's name, not a stated length.
    if (/^an?\b[\s\S]*\bcontract[\s-]+year/i.test(d.raw)) continue;
    if (RENEWAL_NEARBY.test(before.slice(-40))) continue;
    if (measuresOtherPeriod(text, d.start) || hasOtherSubject(text, d.start)) continue;
    // Counted from the start, and said of the term: "shall expire on the later of (i) five (5)
    // years from the date hereof", not "within two (2) years from the Effective Date, Licensee…".
    if (
      d.unit !== "D" &&
      d.unit !== "W" &&
      COUNTED_FROM_START_AFTER.test(after) &&
      (DURATION_LEAD.test(before) || ENDS_BEFORE.test(before) || PERIOD_AFTER.test(after))
    ) {
      return d;
    }
    if (!DURATION_LEAD.test(before) && !DURATION_TAIL.test(after)) continue;
    if (COUNTED_FROM_START.test(before)) return d;
    if (NOTICE_AFTER.test(after) || AFTER_TERM.test(after)) continue;
    if (THEREAFTER.test(after) && TERM_JUST_NAMED.test(before)) continue;
    return d;
  }
  const anniversary = findAnniversary(text);
  if (!anniversary) return null;
  const before = text.slice(Math.max(0, anniversary.start - 60), anniversary.start);
  if (hasOtherSubject(text, anniversary.start)) return null;
  return ENDS_BEFORE.test(before) || IN_WHICH_BEFORE.test(before) ? anniversary : null;
}
