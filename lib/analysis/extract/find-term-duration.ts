import { findAnniversary } from "../parse/parse-anniversary";
import { type DurationMatch, findDurations } from "../parse/parse-duration";

const DURATION_LEAD =
  /(?:(?:initial\s+)?(?:period|term|duration)\s+of|\bfor|\bcontinue(?:\s+in\s+(?:full\s+)?(?:force\s+and\s+)?effect)?(?:\s+for)?|\bbe|\bis|\blast\s+for|\bterm\s*:)\s+(?:a\s+|an\s+|the\s+)?(?:initial\s+)?(?:fixed\s+)?(?:period\s+of\s+)?$/i;
// "end on the date which is thirty-six (36) months thereafter": counted from the start.
const COUNTED_FROM_START = /\b(?:date|day)\s+(?:which|that)\s+is\s+$/i;
const DURATION_TAIL = /^\s*(?:initial\s+(?:term|period)|term)\b/i;
const RENEWAL_NEARBY = /renew|successive|additional|extension|extend|notice|prior/i;
// "after"/"following" mark a notice or cure period, unless they count from the start of the term
// ("one (1) year after the Effective Date").
const NOTICE_AFTER =
  /^\s*(?:\([^)]*\)\s*)?(?:['’]s?\s*)?(?:prior|before|in\s+advance|advance|written|notice|(?:after|following)(?!\s+(?:the\s+)?(?:effective\s+date|commencement|date\s+(?:hereof|of\s+this)|execution|signing))|from\s+(?:receipt|the\s+date\s+of\s+(?:notice|termination)))/i;
// "during the Term and for five (5) years thereafter": a period after the term, not the term.
const AFTER_TERM =
  /^\s*(?:\([^)]*\)\s*)?(?:thereafter|after\s+(?:the\s+)?(?:termination|expiration))\b/i;

// "shall expire on the fifth (5th) anniversary of the Effective Date".
const ENDS_BEFORE = /\b(?:expir\w*|terminat\w*|end(?:s|ing)?|until|through|continue)\b[^.]{0,40}$/i;

/** How long the agreement runs, from a sentence already known to be about the term. */
export function findTermDuration(text: string): DurationMatch | null {
  for (const d of findDurations(text)) {
    const before = text.slice(Math.max(0, d.start - 60), d.start);
    const after = text.slice(d.end, d.end + 40);
    // Terms run for months or years; a count of days is almost always a notice or cure
    // period unless the sentence calls it the term.
    if ((d.unit === "D" || d.unit === "W") && !/\bterm\s+of\s+$/i.test(before)) continue;
    if (!DURATION_LEAD.test(before) && !DURATION_TAIL.test(after)) continue;
    if (RENEWAL_NEARBY.test(before.slice(-40))) continue;
    if (COUNTED_FROM_START.test(before)) return d;
    if (NOTICE_AFTER.test(after) || AFTER_TERM.test(after)) continue;
    return d;
  }
  const anniversary = findAnniversary(text);
  if (!anniversary) return null;
  const before = text.slice(Math.max(0, anniversary.start - 60), anniversary.start);
  return ENDS_BEFORE.test(before) ? anniversary : null;
}
