import { findDates } from "../parse/parse-date";
import { findDurations } from "../parse/parse-duration";
import { isOtherTermSubject } from "./is-other-term-subject";

// "perpetual … license" describes a grant, not the agreement's duration.
const GRANT = /\bgrant|\blicen[cs]e\b/i;
// Between "this Agreement" and "shall remain … until terminated": another subject.
const OTHER_SUBJECT =
  /\b(?:licen[cs]es?|grants?|granted|rights?|obligations?|covenants?|warrant\w*|restrictions?)\b/i;
// Every pattern below needs one of these words; most sentences have none (the patterns are
// costly on every sentence of a long contract).
const CUES =
  /perpetu|indefinite|unlimited|\buntil\b|\bunless\b|expir|\bno\s+(?:fixed|definite|specified|set|expiration|expiry|termination|end)\b|terminable|\bnotice\b|\bterminated\b/i;

// The first pattern is safe in any sentence; the others only outside license grants.
const PERPETUAL = [
  // "shall continue until terminated", "shall commence on … and continue until terminated",
  // "shall be effective until terminated", "shall remain in force until cancelled". Not "until
  // revoked": CUAD leaves the term of a joint filing agreement that runs until a party revokes
  // it empty.
  // Not when a grant, right or obligation is the subject ("Subject to this Agreement, the
  // license granted herein shall remain in effect until terminated").
  /\b(?:this\s+agreement|the\s+term(?:\s+of\s+this\s+agreement)?)\b([^.]{0,160}?)(?:\b(?:shall|will)\s+|\band\s+|\bis\s+)(?:continue|remain|stay|be\s+(?:in\s+(?:full\s+)?(?:force|effect)|effective|valid)|effective)\b[^.]{0,120}\buntil\s+(?:(?:such\s+time\s+as\s+)?(?:it\s+is\s+)?(?:terminated|cancell?ed|the\s+(?:agreement|parties)\b[^.]{0,40}terminat|either\s+party\s+terminates))/i,
  /\b(?:agreement|term)\b[^.]{0,60}\b(?:perpetual|in\s+perpetuity|indefinite(?:ly)?)\b/i,
  /\b(?:perpetual|indefinite)\s+term\b/i,
  /\b(?:agreement|contract)\b[^.]{0,60}\b(?:indefinite|unlimited)\s+(?:period|duration|term)\b/i,
  /\bunless\s+and\s+until\s+terminated\b/i,
  // "This Agreement shall not expire", "The Agreement has no expiration date".
  /\b(?:this\s+agreement|the\s+agreement|the\s+term)\b[^.]{0,60}\b(?:(?:shall|will|does)\s+not\s+(?:expire|have\s+an?\s+(?:expiration|expiry|termination)\s+date)|(?:has|shall\s+have)\s+no\s+(?:expiration|expiry|termination|end)\s+date)\b/i,
  // "shall continue until either party gives written notice of termination", "shall end on the
  // 60th day following a written notice from one party to the other of its decision to terminate":
  // the agreement runs until one side ends it.
  /\b(?:this\s+agreement|the\s+term(?:\s+of\s+this\s+agreement)?)\b[^.]{0,160}\b(?:shall|will)\s+(?:(?:continue|remain)\b[^.]{0,80}\buntil|end\s+on\s+the\s+\w+\s+day\s+(?:following|after))\s+(?:(?:the\s+)?(?:receipt\s+of\s+)?(?:a\s+)?(?:written\s+)?notice\b[^.]{0,80}\bterminat|(?:either|one|a)\s+party\s+(?:gives|provides|delivers|serves|sends)\b[^.]{0,60}\bnotice\b)/i,
  /\b(?:agreement|it)\s+(?:has|shall\s+have)\s+no\s+(?:fixed|definite|specified|set)\s+(?:term|duration|expiration)\b/i,
  // "The term of this Agreement … will end when terminated by either party."
  /\b(?:this\s+agreement|the\s+term(?:\s+of\s+this\s+agreement)?)\b[^.]{0,160}\b(?:shall|will)\s+(?:end|expire|terminate)\s+(?:only\s+)?(?:when|once|if)\s+(?:it\s+is\s+)?terminated\b/i,
];
// Safe in any sentence, but only when it states no length or end date: "This Agreement shall
// become effective … and shall govern the relations between the parties thereafter, unless
// terminated", "the term of this Agreement … shall … be in perpetuity".
const OPEN_ENDED = [
  /\b(?:this\s+agreement|the\s+term(?:\s+of\s+this\s+agreement)?)\b[^.]{0,200}\b(?:shall|will)\s+(?:continue|remain\s+in\s+(?:full\s+)?(?:force|effect)|govern)\b[^.]{0,160}\bunless\s+(?:(?:and\s+until|sooner|earlier|otherwise)\s+)?terminated\b/i,
  /\bunless\s+(?:(?:sooner|earlier|otherwise)\s+)?terminated\b[^.]{0,120}\bthis\s+agreement\s+(?:shall|will)\s+(?:continue|remain)\b/i,
  /\bterm\s+of\s+this\s+agreement\b[\s\S]{0,400}?\b(?:shall|will)\b[\s\S]{0,400}?\b(?:in\s+perpetuity|perpetual(?:ly)?)\b/i,
  // "The provisions of this Agreement, including the license rights …, shall not be terminable or
  // revocable for any reason."
  /\bthis\s+agreement\b[^.]{0,120}\b(?:shall|will)\s+not\s+be\s+terminable\b/i,
];

// A pattern that matches, and not of something else (`isOtherTermSubject`, or another subject
// in the span a pattern captures).
const matchesOwnTerm = (p: RegExp, text: string) => {
  const m = p.exec(text);
  return (
    m !== null &&
    !isOtherTermSubject(text, m.index) &&
    !(m[1] !== undefined && OTHER_SUBJECT.test(m[1]))
  );
};

// "unless terminated by either party upon sixty (60) days prior written notice": the notice
// period is no length of the term.
const NOTICE_AFTER = /^\s*(?:['’]s?)?\s*(?:(?:prior|advance|written|express)\s+)*notice\b/i;

function isOpenEnded(text: string): boolean {
  return (
    OPEN_ENDED.some((p) => matchesOwnTerm(p, text)) &&
    findDurations(text).every((d) => NOTICE_AFTER.test(text.slice(d.end, d.end + 40))) &&
    findDates(text).length === 0
  );
}

/** Whether a sentence says the agreement runs until terminated, with no fixed end. */
export function isPerpetualTerm(text: string): boolean {
  if (!CUES.test(text)) return false;
  const hit = PERPETUAL.findIndex((p) => matchesOwnTerm(p, text));
  return (hit !== -1 && (hit === 0 || !GRANT.test(text))) || isOpenEnded(text);
}
