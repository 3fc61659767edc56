import { findDates } from "../parse/parse-date";
import { findDurations } from "../parse/parse-duration";
import { isOtherTermSubject } from "./is-other-term-subject";

// An event that ends the agreement: the expiration, termination or completion of something else,
// a payment or full performance; never the agreement's own term or the agreement itself.
const EVENT =
  "(?:the\\s+)?(?:later\\s+of\\s+(?:\\(\\w+\\)\\s+)?(?:the\\s+)?)?(?:(?:expiration|expiry|termination|completion|end)(?:\\s+(?:and|or|and/or)\\s+(?:expiration|termination|completion))?\\s+of\\s+(?![^.]{0,30}\\b(?:year|month)s?\\b)(?![^.]{0,40}?\\b(?:(?:cure|notice|grace)\\s+period|specified\\s+time)\\b)(?!(?:the\\s+|this\\s+|such\\s+)?(?:(?:initial|renewal|then[\\s-]current|current)\\s+)?(?:term|agreement)\\b)|full\\s+performance\\b|[\\w\\s']{0,40}?\\bpayment\\s+(?:to|of)\\b)";

// Ends on an event, not a date. These patterns are costly on every sentence of a long contract:
// CUES lets through only sentences that can match.
const CUES = [
  /\b(?:this\s+agreement|the\s+term)\b/i,
  /\b(?:until|upon|ending|long\s+as)\b/i,
  /\b(?:expiration|expiry|termination|completion|end|performance|payment|long\s+as)\b/i,
];
const EVENT_ENDED = [
  // "shall remain in effect … until the expiration of the Royalty
  // Term", "ending on the expiration and/or termination of all Service Option Attachments",
  // "shall terminate upon the Trust's payment of …", "shall continue until full performance".
  // CUAD labels such an agreement perpetual. The end of the agreement's own term is no event.
  new RegExp(
    `\\b(?:this\\s+agreement|the\\s+term(?:\\s+of\\s+this\\s+agreement)?)\\b[^.]{0,200}?\\b(?:(?:shall|will)\\s+(?:\\w+\\s+){0,2}?(?:remain\\s+in\\s+(?:full\\s+)?(?:force|effect)|continue(?:\\s+in\\s+(?:full\\s+)?(?:force|effect))?|end|terminate|expire)|ending)\\b[^.]{0,160}?\\b(?:until|upon|on)\\s+${EVENT}`,
    "i",
  ),
  // "shall remain in effect for as long as any Licensed Patent remains in force".
  /\b(?:this\s+agreement|the\s+term(?:\s+of\s+this\s+agreement)?)\b[^.]{0,120}\b(?:shall|will)\s+(?:continue|remain)\b[^.]{0,60}\bfor\s+(?:so|as)\s+long\s+as\b/i,
  new RegExp(
    `\\bupon\\s+${EVENT}[^.]{0,120}?,\\s*this\\s+agreement\\s+(?:shall|will)\\s+(?:\\w+\\s+){0,3}?terminate\\b`,
    "i",
  ),
];

// "If Franchisee fails to cure …, this Agreement will terminate … upon the expiration of the
// specified time period" is a ground for termination (`isOtherTermSubject`).
function endsOnEvent(text: string): boolean {
  return EVENT_ENDED.some((p) => {
    const m = p.exec(text);
    return m !== null && !isOtherTermSubject(text, m.index);
  });
}

/**
 * Whether a sentence about the term ends the agreement on an event rather than a date or a
 * length: CUAD labels such an agreement perpetual.
 */
export function isEventEndedTerm(text: string): boolean {
  return (
    CUES.every((p) => p.test(text)) &&
    endsOnEvent(text) &&
    findDurations(text).length === 0 &&
    findDates(text).length === 0
  );
}
