import { makeFinding, notFound } from "../findings";
import { findDates, formatIsoDate } from "../parse/parse-date";
import { addDuration, describeDuration, findDurations } from "../parse/parse-duration";
import type { Finding } from "../result-schema";
import { evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";

// Sentences that say how long the agreement runs.
const TERM_CONTEXT =
  /["“]term["”]|\bterm\s+(?:shall\s+)?means?\b|\b(?:term\s+of\s+this\s+(?:agreement|contract)|initial\s+term|the\s+term\b|this\s+(?:agreement|contract|jv|joint\s+venture)\b[^.]{0,80}\b(?:shall|will)\s+(?:commence|continue|remain|be\s+in\s+effect|expire|terminate|end|be\s+effective)|shall\s+(?:commence|continue\s+in\s+(?:full\s+)?(?:force|effect))|fixed\s+term)/i;
// Survival and post-termination periods are not the term.
const NOT_TERM =
  /\bsurviv|\bafter\s+(?:the\s+)?(?:termination|expiration|end\s+of)|\bfollowing\s+(?:the\s+)?(?:termination|expiration|end\s+of)/i;
// A definition of some other term ("Calendar Quarter" means each three (3) month period…).
const OTHER_DEFINITION = /["“]([^"“”]{1,40})["”]\s+(?:shall\s+)?means?\b/i;
// "perpetual … license" describes a grant, not the agreement's duration.
const GRANT = /\bgrant|\blicen[cs]e\b/i;

const DURATION_LEAD =
  /(?:(?:initial\s+)?(?:period|term)\s+of|\bfor|\bcontinue(?:\s+in\s+(?:full\s+)?(?:force\s+and\s+)?effect)?(?:\s+for)?|\bbe|\bis|\blast\s+for)\s+(?:a\s+|an\s+|the\s+)?(?:initial\s+)?(?:fixed\s+)?(?:period\s+of\s+)?$/i;
const DURATION_TAIL = /^\s*(?:initial\s+(?:term|period)|term)\b/i;
const RENEWAL_NEARBY = /renew|successive|additional|extension|extend|notice|prior/i;
// "after"/"following" mark a notice or cure period, unless they count from the start of the term
// ("one (1) year after the Effective Date").
const NOTICE_AFTER =
  /^\s*(?:\([^)]*\)\s*)?(?:['’]s?\s*)?(?:prior|before|in\s+advance|advance|written|notice|(?:after|following)(?!\s+(?:the\s+)?(?:effective\s+date|commencement|date\s+(?:hereof|of\s+this)|execution|signing))|from\s+(?:receipt|the\s+date\s+of\s+(?:notice|termination)))/i;
// "during the Term and for five (5) years thereafter": a period after the term, not the term.
const AFTER_TERM =
  /^\s*(?:\([^)]*\)\s*)?(?:thereafter|after\s+(?:the\s+)?(?:termination|expiration))\b/i;

const EXPIRY_BEFORE =
  /\b(?:expire[sd]?|terminate[sd]?|end(?:s|ing)?|until|through|expiration\s+date\s+(?:is|shall\s+be)|expiring)\b[^.]{0,30}$/i;
const COMMENCE_BEFORE = /\b(?:commenc\w*|begin\w*|start\w*|effective|dated|from)\b[^.]{0,25}$/i;

// The first pattern is safe in any sentence; the others only outside license grants.
const PERPETUAL = [
  /\b(?:this\s+agreement|the\s+term(?:\s+of\s+this\s+agreement)?)\b[^.]{0,160}\b(?:shall|will)\s+(?:continue|remain)\b[^.]{0,120}\buntil\s+(?:(?:such\s+time\s+as\s+)?(?:it\s+is\s+)?(?:terminated|the\s+(?:agreement|parties)\b[^.]{0,40}terminat|either\s+party\s+terminates))/i,
  /\b(?:agreement|term)\b[^.]{0,60}\b(?:perpetual|in\s+perpetuity|indefinite(?:ly)?)\b/i,
  /\b(?:perpetual|indefinite)\s+term\b/i,
  /\bunless\s+and\s+until\s+terminated\b/i,
];
// Safe in any sentence, but only when it states no length or end date: "This Agreement shall
// become effective … and shall govern the relations between the parties thereafter, unless
// terminated", "the term of this Agreement … shall … be in perpetuity".
const OPEN_ENDED = [
  /\b(?:this\s+agreement|the\s+term(?:\s+of\s+this\s+agreement)?)\b[^.]{0,200}\b(?:shall|will)\s+(?:continue|remain\s+in\s+(?:full\s+)?(?:force|effect)|govern)\b[^.]{0,160}\bunless\s+(?:(?:and\s+until|sooner|earlier|otherwise)\s+)?terminated\b/i,
  /\bterm\s+of\s+this\s+agreement\b[\s\S]{0,400}?\b(?:shall|will)\b[\s\S]{0,400}?\b(?:in\s+perpetuity|perpetual(?:ly)?)\b/i,
];

function isOpenEnded(text: string): boolean {
  return (
    OPEN_ENDED.some((p) => p.test(text)) &&
    findDurations(text).length === 0 &&
    findDates(text).length === 0
  );
}

export type TermFindings = { initialTerm: Finding; expirationDate: Finding; perpetual: Finding };

/**
 * How long the agreement runs. `startDate` (effective or agreement date, ISO) lets a stated
 * duration be turned into an expiration date when none is stated.
 */
export function findTerm(ctx: ScanContext, startDate: string | null): TermFindings {
  let initialTerm = notFound();
  let expirationDate = notFound();
  let perpetual = notFound();

  for (const sentence of eachSentence(ctx)) {
    const text = sentence.text;
    const perpetualHit = PERPETUAL.findIndex((p) => p.test(text));
    if (
      perpetual.value === null &&
      ((perpetualHit !== -1 && (perpetualHit === 0 || !GRANT.test(text))) || isOpenEnded(text))
    ) {
      perpetual = makeFinding(
        "perpetual",
        "Continues until terminated (no fixed end date)",
        evidenceInSentence(ctx.index, sentence),
      );
    }
    if (!TERM_CONTEXT.test(text) || NOT_TERM.test(text)) continue;
    const defined = OTHER_DEFINITION.exec(text)?.[1];
    if (defined && !/\bterm\b/i.test(defined)) continue;

    if (initialTerm.value === null) {
      for (const d of findDurations(text)) {
        const before = text.slice(Math.max(0, d.start - 60), d.start);
        const after = text.slice(d.end, d.end + 40);
        // Terms run for months or years; a count of days is almost always a notice or cure
        // period unless the sentence calls it the term.
        if ((d.unit === "D" || d.unit === "W") && !/\bterm\s+of\s+$/i.test(before)) continue;
        if (!DURATION_LEAD.test(before) && !DURATION_TAIL.test(after)) continue;
        if (RENEWAL_NEARBY.test(before.slice(-40)) || NOTICE_AFTER.test(after)) continue;
        if (AFTER_TERM.test(after)) continue;
        initialTerm = makeFinding(
          d.iso,
          describeDuration(d.iso),
          evidenceInSentence(ctx.index, sentence, sentence.start + d.start, sentence.start + d.end),
        );
        break;
      }
    }
    if (expirationDate.value === null) {
      for (const date of findDates(text)) {
        const before = text.slice(Math.max(0, date.start - 50), date.start);
        if (!EXPIRY_BEFORE.test(before) || COMMENCE_BEFORE.test(before.slice(-20))) continue;
        expirationDate = makeFinding(
          date.iso,
          formatIsoDate(date.iso),
          evidenceInSentence(
            ctx.index,
            sentence,
            sentence.start + date.start,
            sentence.start + date.end,
          ),
        );
        break;
      }
    }
    if (initialTerm.value !== null && expirationDate.value !== null) break;
  }

  // A stated duration from a known start gives the end date; say that it was computed.
  if (expirationDate.value === null && initialTerm.value !== null && initialTerm.evidence) {
    const end = startDate ? addDuration(startDate, initialTerm.value) : null;
    if (startDate && end) {
      expirationDate = makeFinding(
        end,
        `${formatIsoDate(end)} (computed: ${initialTerm.display} from ${formatIsoDate(startDate)})`,
        initialTerm.evidence,
      );
    }
  }
  return { initialTerm, expirationDate, perpetual };
}
