import {
  type DurationMatch,
  durationMatch,
  findDurations,
  parseDurationIso,
} from "../parse/parse-duration";

/** Wording that provides for renewal: "renew", "extended for", "evergreen", "year-to-year",
 *  "for successive one-year periods", "two (2) additional terms of ten (10) years". */
const RENEWAL =
  /\brenew(?:s|ed|al|als|able)?\b|\bextend(?:ed|able)\s+(?:automatically|for)\b|\bextends?\s+automatically\b|\bautomatically\s+(?:be\s+)?extend(?:s|ed)?\b|\bextend\w*\s+(?:the\s+|this\s+)?(?:agreement|term)\b[^.]{0,80}?\bfor\s+(?:an?\s+)?(?:additional|successive|consecutive|further)\b|\b(?:thereafter|agreement|term)\b[^.]{0,40}?\b(?:continu|extend)\w*\b[^.]{0,60}?\bfor\s+(?:an?\s+|(?:one|two|three)\s+or\s+more\s+)?(?:additional|successive|consecutive|further|subsequent)\b|\bevergreen\b|\b(?:year|month)[- ]to[- ](?:year|month)\b|\b(?:successive|consecutive)\s+(?:[\w()-]+\s+){0,3}?(?:periods?|terms?)\b|\b(?:additional|further)\s+(?:renewal\s+)?(?:terms?|periods?)\s+of\s+(?:[\w()-]+\s+){1,3}?(?:years?|months?)\b/gi;

// "non-renewal", "elects not to renew": wording that stops a renewal, not one that provides it.
const NEGATED = /(?:\bnon[- ]*|\bnot\s+(?:to\s+)?|\bno\s+)$/i;
const NEGATED_RENEWAL = /\b(?:non[- ]*|not\s+(?:to\s+)?)renew/i;
// "Contract Year means … each successive period of twelve (12) months": a definition of a
// recurring period, not a renewal.
const DEFINITION = /\bmeans\b|\bshall\s+mean\b/i;
// Insurance policies, bonds and registrations are renewed too, and a warranty or an exclusivity
// extended; only the contract's renewal counts.
const OTHER_THING_RENEWED =
  /\b(?:insur\w*|polic(?:y|ies)|bonds?|coverage|registrations?|permits?|warrant(?:y|ies)|exclusivity)\b/i;
// "Each Service Option Attachment will renew …", "any Statement of Work shall renew": a document
// under the contract renews, not the contract.
const PART_RENEWED =
  /\b(?:attachments?|statements?\s+of\s+work|sows?|(?:purchase|work|service|task|change)\s+orders?|order\s+forms?|addend(?:um|a)|exhibits?)\b/i;
const RECURRING_WINDOW = /\b(?:each|every|any|per|during|within|in\s+a)\s+$/i;
const GOES_ON = /\brenew|\bextend|\bextension|\bcontinu|\bthereafter\b|\bautomatic/i;
// "The cure period under this Agreement may be extended for an additional thirty (30) days", "the
// delivery date shall be extended for two months": a deadline moves, the contract does not renew.
const OTHER_PERIOD_EXTENDED =
  /\b(?:cure|review|notice|payment|trial|evaluation|delivery|acceptance|testing|inspection|sell-?off|transition|wind-?down|response|approval|performance|launch|completion|shipment)\s+(?:periods?|dates?|deadlines?|times?|schedules?)\b|\btime\s+for\s+(?:performance|delivery|payment)\b/i;
// "3.2 Renewal Each Service Attachment will renew …": a heading in title case run into the
// sentence names the topic, not what renews.
const RUN_IN_HEADING =
  /^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:[A-Z][a-z]+\s+(?:and|&)\s+)?Renewals?\.?\s+(?=[A-Z])/;
// What a contract's renewal renews: "this Agreement", "the Term", "the franchise".
const CONTRACT = /\b(?:agreement|term|contract|franchise|licen[cs]e|relationship|arrangement)\b/i;

/**
 * Where a sentence provides for renewal (offsets of its renewal wording). Negated wording
 * ("non-renewal") and a heading in capitals run into the sentence ("TERM AND RENEWAL A. The
 * term …") are left out.
 */
export function renewalPositions(text: string): number[] {
  if (!CONTRACT.test(text)) return [];
  const hasLowercase = /[a-z]/.test(text);
  const headingEnd = RUN_IN_HEADING.exec(text)?.[0].length ?? 0;
  const positions: number[] = [];
  for (const m of text.matchAll(RENEWAL)) {
    const word = m[0];
    if (NEGATED.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (hasLowercase && word.length > 4 && word === word.toUpperCase()) continue;
    if (/^(?:successive|consecutive)/i.test(word) && DEFINITION.test(text)) continue;
    // "during each consecutive three-month period", "fails to meet the minimum for two (2)
    // consecutive twelve (12) month periods": a window for measuring, not a renewal, unless the
    // sentence says the term goes on.
    if (
      /^(?:successive|consecutive)/i.test(word) &&
      (RECURRING_WINDOW.test(text.slice(0, m.index)) || !GOES_ON.test(text))
    ) {
      continue;
    }
    if (OTHER_THING_RENEWED.test(text.slice(Math.max(0, m.index - 60), m.index + 60))) continue;
    if (m.index < headingEnd) continue;
    const subject = text.slice(Math.max(0, m.index - 60), m.index);
    if (PART_RENEWED.test(subject) && !/\bagreement\b/i.test(subject)) continue;
    if (OTHER_PERIOD_EXTENDED.test(subject)) continue;
    positions.push(m.index);
  }
  return positions;
}

/** Whether the sentence mentions renewal at all, including stopping one. */
export const mentionsRenewal = (text: string) => text.search(RENEWAL) !== -1;

// "ninety (90) days prior written notice", "notice … at least 30 days before".
const NOTICE_AFTER =
  /^\s*(?:['’]s?\s*)?(?:\([^)]*\)\s*)?(?:prior|before|in\s+advance|advance|(?:prior\s+)?written\s+notice|notice)/i;
const NOTICE_BEFORE =
  /(?:notice|notify|notifies|notification)\b[^.]{0,60}(?:at\s+least|no\s+(?:less|later)\s+than|not\s+(?:less|later)\s+than|minimum\s+of|upon|on|with|of|giving|provides?|gives?)\s*$/i;
// A cover sheet's entry: "Notice of non-renewal: 60 days", "Notice period – three months".
const NOTICE_ENTRY =
  /\b(?:notice|notification)(?:\s+period)?(?:\s+(?:of|for)\s+(?:non[- ]*renewal|termination|cancell?ation))?\s*[:\u2013\u2014-]\s*$/i;
export function isNoticeDuration(text: string, d: DurationMatch): boolean {
  const after = text.slice(d.end, d.end + 40);
  const before = text.slice(Math.max(0, d.start - 80), d.start);
  return NOTICE_AFTER.test(after) || NOTICE_BEFORE.test(before) || NOTICE_ENTRY.test(before);
}

// Renewal lengths said without a number: "renew automatically each year", "from year to year".
const IMPLIED_DURATIONS: { pattern: RegExp; amount: number; unit: "Y" | "M" }[] = [
  {
    pattern:
      /\b(?:year[- ]to[- ]year|annually|yearly|(?:successive|consecutive|additional)\s+(?:calendar|contract)\s+years|annual\s+(?:[\w-]+\s+)?(?:periods?|terms?|renewals?|basis|extensions?)|(?:each|every)\s+(?:subsequent\s+|succeeding\s+)?year)\b/i,
    amount: 1,
    unit: "Y",
  },
  {
    pattern:
      /\b(?:month[- ]to[- ]month|monthly\s+(?:periods?|terms?|basis)|(?:each|every)\s+(?:subsequent\s+|succeeding\s+)?month)\b/i,
    amount: 1,
    unit: "M",
  },
];
const SAME_AS_INITIAL =
  /\bsame\s+(?:duration|length|period|term)|\blike\s+(?:period|term)s?\b|\bequal\s+(?:in\s+length|period)|\b(?:equal|identical)\s+(?:in\s+(?:length|duration)\s+)?to\s+the\s+(?:initial|original|preceding|previous|then[- ]current)\s+(?:term|period)/i;

// A renewal length sits close to the renewal wording; a long run-on sentence (a table, a list
// of termination grounds) can hold a renewal word and an unrelated period far apart.
const NEAR = 150;
const isNear = (positions: readonly number[], at: number) =>
  positions.some((p) => Math.abs(p - at) <= NEAR);

function impliedDuration(
  text: string,
  initialTerm: string | null,
  positions: readonly number[],
  viaHeading: boolean,
): DurationMatch | null {
  for (const { pattern, amount, unit } of IMPLIED_DURATIONS) {
    const m = pattern.exec(text);
    if (m && (viaHeading || isNear(positions, m.index))) {
      return durationMatch(m.index, m[0], amount, unit);
    }
  }
  const same = SAME_AS_INITIAL.exec(text);
  const parsed = initialTerm ? parseDurationIso(initialTerm) : null;
  if (same && parsed && (viaHeading || isNear(positions, same.index))) {
    return durationMatch(same.index, same[0], parsed.amount, parsed.unit);
  }
  return null;
}

const NEW_TERM_BEFORE =
  /\b(?:additional|successive|renewal|further|extension|single|another|new)\s+(?:[\w-]+\s+){0,2}?(?:terms?|periods?)\s+of\s+$/i;
const NEW_TERM_AFTER =
  /^[\s-]*(?:\([^)]*\)\s*)?(?:[\w-]+\s+){0,2}?(?:successive|additional|renewal)/i;
// Renewals of days or weeks are said as such ("successive thirty (30) day periods");
// otherwise a short period in a renewal sentence is a deadline or a cure period.
const SHORT_RENEWAL_BEFORE =
  /\b(?:successive|additional|renewal|further|extension)\s+(?:(?:terms?|periods?)\s+of\s+)?$/i;
// "The term of this Agreement is ten (10) years": the initial term, even when it shares a
// sentence with the renewal.
const INITIAL_TERM_BEFORE =
  /\b(?:initial\s+(?:(?:term|period)\s+of\s+)?|term\s+of\s+this\s+(?:agreement|contract)\s+(?:is|shall\s+be|will\s+be)\s+(?:for\s+)?(?:a\s+(?:period|term)\s+of\s+)?)$/i;
// "for two (2) years after termination": a period that outlasts the agreement.
// Or "for a period of twelve (12) months commencing on the effective date of termination" (a
// covenant after the end); a renewal may start "on the expiration", never on a termination.
const AFTER_TERMINATION =
  /^\s*(?:after|following|from|(?:commencing|beginning|starting)\s+(?:on|with|upon))\s+(?:the\s+)?(?:(?:effective\s+)?date\s+of\s+(?:the\s+)?)?(?:termination|expiration\s+or\s+termination)/i;

/**
 * The renewal length in a sentence about renewal; `initialTerm` resolves "the same period".
 * `viaHeading`: the sentence is about renewal because of a heading above it, not its own words.
 */
export function findRenewalDuration(
  text: string,
  initialTerm: string | null,
  viaHeading = false,
): DurationMatch | null {
  const positions = renewalPositions(text);
  // "… for a single term of five (5) years … unless Franchisor elects not to renew": a sentence
  // about renewal whose only renewal word stops one still names the new term.
  const aboutRenewal = viaHeading || (CONTRACT.test(text) && NEGATED_RENEWAL.test(text));
  if (positions.length === 0 && !aboutRenewal) return null;
  for (const d of findDurations(text)) {
    if (isNoticeDuration(text, d)) continue;
    const before = text.slice(Math.max(0, d.start - 80), d.start);
    const after = text.slice(d.end, d.end + 40);
    if ((d.unit === "D" || d.unit === "W") && !SHORT_RENEWAL_BEFORE.test(before)) continue;
    if (INITIAL_TERM_BEFORE.test(before) || AFTER_TERMINATION.test(text.slice(d.end, d.end + 80)))
      continue;
    // Durations before the renewal wording are usually the initial term, unless they are said
    // to be another term ("for a single term of five (5) years … not to renew").
    const another = NEW_TERM_BEFORE.test(before) || NEW_TERM_AFTER.test(after);
    // A term of months or years said to be another term is the renewal anywhere in a sentence
    // about renewal; otherwise the length must stand right after the renewal wording.
    const long = d.unit === "Y" || d.unit === "M";
    if (another && (long || isNear(positions, d.start))) return d;
    if (isNear(positions, d.start) && d.start > (positions[0] ?? 0)) return d;
  }
  return impliedDuration(text, initialTerm, positions, positions.length === 0 && aboutRenewal);
}
