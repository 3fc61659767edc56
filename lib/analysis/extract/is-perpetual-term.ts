import { findDates } from "../parse/parse-date";
import { findDurations } from "../parse/parse-duration";

// "perpetual … license" describes a grant, not the agreement's duration.
const GRANT = /\bgrant|\blicen[cs]e\b/i;

// The first pattern is safe in any sentence; the others only outside license grants.
const PERPETUAL = [
  /\b(?:this\s+agreement|the\s+term(?:\s+of\s+this\s+agreement)?)\b[^.]{0,160}\b(?:shall|will)\s+(?:continue|remain)\b[^.]{0,120}\buntil\s+(?:(?:such\s+time\s+as\s+)?(?:it\s+is\s+)?(?:terminated|the\s+(?:agreement|parties)\b[^.]{0,40}terminat|either\s+party\s+terminates))/i,
  /\b(?:agreement|term)\b[^.]{0,60}\b(?:perpetual|in\s+perpetuity|indefinite(?:ly)?)\b/i,
  /\b(?:perpetual|indefinite)\s+term\b/i,
  /\bunless\s+and\s+until\s+terminated\b/i,
  /\b(?:agreement|it)\s+(?:has|shall\s+have)\s+no\s+(?:fixed|definite|specified|set)\s+(?:term|duration|expiration)\b/i,
];
// Safe in any sentence, but only when it states no length or end date: "This Agreement shall
// become effective … and shall govern the relations between the parties thereafter, unless
// terminated", "the term of this Agreement … shall … be in perpetuity".
const OPEN_ENDED = [
  /\b(?:this\s+agreement|the\s+term(?:\s+of\s+this\s+agreement)?)\b[^.]{0,200}\b(?:shall|will)\s+(?:continue|remain\s+in\s+(?:full\s+)?(?:force|effect)|govern)\b[^.]{0,160}\bunless\s+(?:(?:and\s+until|sooner|earlier|otherwise)\s+)?terminated\b/i,
  /\bunless\s+(?:(?:sooner|earlier|otherwise)\s+)?terminated\b[^.]{0,120}\bthis\s+agreement\s+(?:shall|will)\s+(?:continue|remain)\b/i,
  /\bterm\s+of\s+this\s+agreement\b[\s\S]{0,400}?\b(?:shall|will)\b[\s\S]{0,400}?\b(?:in\s+perpetuity|perpetual(?:ly)?)\b/i,
];

function isOpenEnded(text: string): boolean {
  return (
    OPEN_ENDED.some((p) => p.test(text)) &&
    findDurations(text).length === 0 &&
    findDates(text).length === 0
  );
}

/** Whether a sentence says the agreement runs until terminated, with no fixed end. */
export function isPerpetualTerm(text: string): boolean {
  const hit = PERPETUAL.findIndex((p) => p.test(text));
  return (hit !== -1 && (hit === 0 || !GRANT.test(text))) || isOpenEnded(text);
}
