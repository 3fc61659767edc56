import { type DurationMatch, findDurations } from "../parse/parse-duration";
import { isNoticeDuration } from "./find-renewal-duration";

// Wording that stops a renewal: notice of non-renewal, notice that prevents or opts out of the
// renewal, or notice to terminate or cancel at the end of a term ("may cancel this Agreement at
// the end of the Initial Term"; not "upon termination or upon the expiration of this
// Agreement", which is about either ending).
const STOPS_RENEWAL =
  /\b(?:not|non)[- ]*renew|\bnot\s+to\s+(?:renew|extend)|\b(?:election|elects?|intention|intent|decision|desire|wish)\s+not\s+to\s+(?:renew|extend|continue)|\bdecline\w*\s+to\s+(?:renew|extend)|\b(?:does|do|shall|will)\s+not\s+(?:wish|desire|intend|want)\s+to\s+(?:renew|extend|continue)|\b(?:prevent|avoid|block|cancel)\w*\s+(?:the\s+|such\s+|any\s+|its\s+)?(?:automatic\s+)?(?:renewal|extension)|\bopt\s+out\s+of\s+(?:the\s+|such\s+|any\s+)?(?:automatic\s+)?(?:renewal|extension)|\b(?:terminat|cancel)\w*\b(?:(?!\bor\b)[^.]){0,80}?\b(?:at|as\s+of|upon|on|with\s+effect\s+(?:from|at|on)|effective\s+(?:at|as\s+of|upon|on|from))\s+(?:the\s+(?:end|expiration|expiry)\s+of\s+(?:the|this|its|such|any|each)\s+(?:(?:then[- ]current|current|initial|original|renewal|extended|applicable|relevant)\s+)*(?:term|agreement|renewal|period|contract)|(?:any|each)\s+(?:subsequent\s+)?anniversary)|\bnotice\s+(?:\w+\s+){0,3}?(?:to\s+expire|expiring)\s+(?:at|on|upon)\s+the\s+(?:end|expiration|expiry)\s+of/i;
const STOPS_ALL = new RegExp(STOPS_RENEWAL.source, "gi");
const EXPIRES_ITSELF =
  /\b(?:agreement|term|it|contract)\s+(?:shall|will|would)\s+(?:then\s+)?(?:automatically\s+)?$/i;
// Notice counted back from the end of a term ("sixty (60) days prior to the expiration").
// The end of the term, not of any period ("60 days prior to the end of each calendar quarter").
// Or from the start of the next term ("90 days before the commencement of any renewal term").
const BEFORE_END =
  /\b(?:prior\s+to|before|preceding|in\s+advance\s+of)\s+(?:the\s+)?(?:(?:scheduled|natural|stated|then[- ]current|current|applicable)\s+)?(?:(?:date\s+of\s+)?(?:expiration|expiry)\b(?!\s+of)|(?:commencement|beginning|start)\s+of\s+(?:the\s+|any\s+|a\s+|each\s+|such\s+)?(?:[\w-]+\s+){0,2}?(?:renewal|extension|extended|successive)\s+(?:term|period)\b|(?:end|expiration|expiry)\s+of\s+(?:[\w-]+\s+){0,4}?(?:term|agreement|period|contract)\b|(?:[\w-]+\s+){0,3}?(?:termination|expiration|expiry|renewal)\s+date\b|(?:[\w-]+\s+){0,2}?anniversary\b)/i;
// The notice's length is what is counted back: "ninety (90) days prior to the expiration", "60
// days' written notice before the end of the term". Not "terminate prior to the expiration of
// the Term upon 30 days' notice", an early termination whose notice runs from the notice.
const COUNTED_BACK = new RegExp(`^[^;]{0,80}?${BEFORE_END.source}`, "i");
// Periods that end without ending the contract: "the end of each Contract Year", "the end of the
// Warranty Period", and a termination date the notice itself picks ("the intended termination
// date" of a termination for convenience).
const OTHER_END =
  /\b(?:warrant(?:y|ies)|exclusivity|cure|notice|payment|billing|royalty|reporting|accounting|review|calendar|fiscal|quarter|(?:contract|lease|license|licen[cs]e|agreement)\s+years?|intended|proposed|desired|specified|effective)\b/i;
// What a notice is for when it is not about the renewal: a price change, a renegotiation, a breach
// and its cure, a forecast, a termination at will or without cause.
const OTHER_PURPOSE =
  /\b(?:pric(?:e|es|ing)|fees?|charges?|rates?|royalt(?:y|ies)|(?:re)?negotiat\w*|breach\w*|cure[sd]?|default\w*|remed(?:y|ied|ies)|forecast\w*|convenience|without\s+cause|(?:at\s+)?any\s+time)\b/i;
// The rights whose notice sits next to a non-renewal without being its notice.
const OTHER_RIGHT =
  /\b(?:breach\w*|cure[sd]?|default\w*|convenience|without\s+cause|pric(?:e|es|ing)|fees?)\b/i;
// "shall renew … unless either party gives notice", "continue from year to year until
// terminated by either party upon 30 days' notice": the notice opts out of the renewal.
// A clause runs to the next "unless" ("unless sooner terminated …, unless either party gives notice").
const UNLESS_CLAUSE = /\b(?:unless|until)\b(?:(?!\b(?:unless|until)\b)[^.;]){0,220}/gi;
// "unless sooner terminated …", "unless terminated in accordance with Section 10": the
// agreement's other ways to end, whose notice is not the renewal's.
const CARVE_OUT =
  /^(?:unless|until)\s+(?:(?:sooner|earlier|otherwise|previously)\b|(?:(?:this\s+agreement|it)\s+is\s+)?terminated\s+(?:[\w-]+\s+){0,4}?(?:as\s+(?:provided|set\s+forth|described)|in\s+accordance\s+with|pursuant\s+to|under\s+(?:section|article|clause|paragraph)))/i;
const OWN_NOTICE =
  /\bnoti(?:ce|fy|fies|fied|fication)\b|\bin\s+writing\b|\bwritten\b|\bterminat\w*|\bcancel\w*/i;
const NOTICE_IN_CLAUSE = /\bnoti(?:ce|fy|fies|fication)\b|\bin\s+writing\b|\bwritten\b/i;
// Notice that asks for or exercises a renewal starts one; it does not stop one.
const EXERCISE =
  /\bto\s+exercise\b|\bexercis\w+\s+(?:its|the|this|such|an?)\s+(?:option|right)|\belect\w*\s+(?:to\s+)?(?:[\w-]+\s+){0,3}?(?:renew|extend)|\belect\w*\s+to\s+(?:obtain|acquire|enter\s+into)\b|\b(?:desire|wish\w*|intent(?:ion)?|intends?|request\w*)\s+(?:to\s+|for\s+\w+\s+to\s+)?(?:renew|extend|continue)|\bnotice\s+of\s+(?:its\s+)?(?:renewal|extension)\b/i;

const INSURANCE = /\binsur\w*|\bpolic(?:y|ies)\b|\bcoverage\b/i;
const NOTICE_WORDING =
  /\bnoti(?:ce|fy|fies|fied|fication)\b|\bin\s+writing\b|\bwritten\b|\bunless\s+(?:terminated|cancell?ed)\b/i;
const AT_ANY_TIME = /\b(?:at\s+)?any\s+time\b/i;

// A notice's own words: from the clause before its length to the end it is counted back from.
const BEFORE_REACH = 150;
const AFTER_REACH = 100;
// "unless either party gives ninety (90) days' written notice": the notice words after its length.
const AFTER_NOTICE = 40;
// A notice said to stop the renewal sits close to the stopping words.
const STOP_REACH = 250;

/** Where a sentence says a renewal is stopped, or -1. */
export function stopsRenewalAt(text: string): number {
  for (const m of text.matchAll(STOPS_ALL)) {
    // "this Agreement shall terminate at the end of the Term": the agreement expiring, which
    // no notice stops.
    if (EXPIRES_ITSELF.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "at the end of the Initial Period or any time thereafter": termination at will.
    const atWill =
      AT_ANY_TIME.test(text.slice(m.index)) &&
      !/renew|extend/i.test(text.slice(m.index, m.index + 30));
    return atWill ? -1 : m.index;
  }
  return -1;
}

export type RenewalSentence = "none" | "automatic" | "optional";

// "notifies the other in writing within sixty (60) days of the expiration of the term": a notice
// window that closes at the end of the term.
const WITHIN_BEFORE = /\bwithin\s*$/i;
const OF_END_AFTER =
  /^\s*of\s+the\s+(?:(?:scheduled|then[- ]current|current)\s+)?(?:expiration|expiry|end)\s+of\s+(?:the|this|such|any|each)\s+(?:[\w-]+\s+){0,3}?(?:term|agreement|contract)\b(?:\s+years?)?/i;
function isWithinOfEnd(text: string, d: DurationMatch): boolean {
  if (!WITHIN_BEFORE.test(text.slice(Math.max(0, d.start - 10), d.start))) return false;
  const end = OF_END_AFTER.exec(text.slice(d.end, d.end + 80));
  return end !== null && !OTHER_END.test(end[0]);
}

// Where the notice's own clause starts: at most BEFORE_REACH back, and not before a ";" or ":"
// that closes another clause ("prices are fixed for the Initial Term; thereafter …").
function clauseStart(text: string, d: DurationMatch): number {
  const from = Math.max(0, d.start - BEFORE_REACH);
  const boundary = Math.max(text.lastIndexOf(";", d.start), text.lastIndexOf(":", d.start));
  return Math.max(from, boundary + 1);
}

function isCountedBackFromEnd(text: string, d: DurationMatch): boolean {
  if (isWithinOfEnd(text, d)) {
    const own = text.slice(clauseStart(text, d), d.end + 60);
    return OWN_NOTICE.test(own) && !OTHER_PURPOSE.test(own);
  }
  const after = text.slice(d.end, d.end + AFTER_REACH + 60);
  const m = COUNTED_BACK.exec(after);
  if (!m) return false;
  const end = BEFORE_END.exec(m[0]);
  // "the end of each Contract" + " Year"; not "the expiration date" + " specified in Exhibit A".
  const year = /^\s+years?\b/i.exec(after.slice(m[0].length))?.[0] ?? "";
  const endWords = `${end?.[0] ?? ""}${year}`;
  if (OTHER_END.test(endWords)) return false;
  // The notice's own clause says it is a notice: not "Ninety (90) days prior to the expiration
  // of each term, the Parties shall meet to review the plan" (a date, not a notice length).
  const own = text.slice(clauseStart(text, d), d.end + m[0].length);
  return OWN_NOTICE.test(own) && !OTHER_PURPOSE.test(own);
}

function isInOptOutClause(text: string, d: DurationMatch): boolean {
  for (const m of text.matchAll(UNLESS_CLAUSE)) {
    const inside = d.start > m.index && d.end <= m.index + m[0].length;
    if (!inside || CARVE_OUT.test(m[0])) continue;
    // The clause up to just after the notice: what follows may be about fees for the new term.
    const own = text.slice(m.index, d.end + AFTER_NOTICE);
    if (NOTICE_IN_CLAUSE.test(own) && !OTHER_PURPOSE.test(own)) return true;
  }
  return false;
}

/**
 * The notice periods in a sentence that are the notice needed to stop a renewal, best first, as
 * opposed to a notice to terminate at any time or for breach, to exercise a renewal option, to
 * change prices, or a payment deadline. `renewal`: whether the sentence itself provides for
 * renewal, and how.
 */
export function nonRenewalNotices(text: string, renewal: RenewalSentence): DurationMatch[] {
  // "the policy may not be canceled or non-renewed without 30 days' notice" is about insurance.
  if (INSURANCE.test(text)) return [];
  // "The renewal fee is payable thirty (30) days prior to expiry" is a deadline, not a notice.
  if (!NOTICE_WORDING.test(text)) return [];
  const notices = findDurations(text).filter(
    (d) => isNoticeDuration(text, d) || isWithinOfEnd(text, d),
  );
  const stopAt = stopsRenewalAt(text);
  if (stopAt !== -1) {
    // With several notices in a sentence, the one next to the stopping words is meant.
    const distance = (d: DurationMatch) => Math.abs(d.start - stopAt);
    // "… may elect not to renew, and either party may terminate upon thirty (30) days' notice
    // for convenience": the second notice belongs to another right.
    const anotherRight = (d: DurationMatch) =>
      OTHER_RIGHT.test(text.slice(Math.min(stopAt, d.start), d.end + AFTER_NOTICE));
    return notices
      .filter((d) => distance(d) <= STOP_REACH && !anotherRight(d))
      .sort((a, b) => distance(a) - distance(b));
  }
  // "Customer may renew … by giving notice 90 days before expiry" asks for a renewal.
  if (EXERCISE.test(text) || renewal === "optional") return [];
  return notices.filter(
    (d) => isCountedBackFromEnd(text, d) || (renewal !== "none" && isInOptOutClause(text, d)),
  );
}
