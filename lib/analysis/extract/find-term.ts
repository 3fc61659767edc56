import { makeFinding, notFound } from "../findings";
import { findDates, formatIsoDate } from "../parse/parse-date";
import { addDuration, describeDuration } from "../parse/parse-duration";
import type { Finding } from "../result-schema";
import { evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";
import { findTermDuration } from "./find-term-duration";
import { isPerpetualTerm } from "./is-perpetual-term";

// Sentences that say how long the agreement runs.
const TERM_CONTEXT =
  /["“]term["”]|\bterm\s+(?:shall\s+)?means?\b|^\s*(?:[\d.]+\s*)?(?:term|duration)\s*[:.]|\b(?:term\s+of\s+this\s+(?:agreement|contract)|initial\s+term|the\s+term\b|this\s+(?:agreement|contract|jv|joint\s+venture)\b[^.]{0,80}\b(?:(?:shall|will)\s+(?:commence|continue|remain|be\s+in\s+(?:full\s+)?(?:force|effect)|expire|terminate|end|be\s+effective|be\s+valid|run|last)|(?:is|shall\s+be|will\s+be)\s+for|has\s+a\s+(?:term|duration))|shall\s+(?:commence|continue\s+in\s+(?:full\s+)?(?:force|effect))|fixed\s+term)/i;
// "The Agreement shall run for 3 years": with "the", only wording that can only be about the
// term; "all other terms of the Agreement shall remain in full force" is amendment boilerplate.
const THE_AGREEMENT_TERM =
  /\bthe\s+agreement\b[^.]{0,40}\b(?:(?:shall|will)\s+(?:run|last|be\s+valid|expire)\b|(?:is|shall\s+be|will\s+be)\s+for\s+(?:an?\s+|the\s+)?(?:initial\s+)?(?:period|term)\b|has\s+a\s+(?:term|duration)\b)/i;
// Survival and post-termination periods are not the term.
const NOT_TERM =
  /\bsurviv|\bafter\s+(?:the\s+)?(?:termination|expiration|end\s+of)|\bfollowing\s+(?:the\s+)?(?:termination|expiration|end\s+of)/i;
// A definition of some other term ("Calendar Quarter" means each three (3) month period…).
const OTHER_DEFINITION = /["“]([^"“”]{1,40})["”]\s+(?:shall\s+)?means?\b/i;

const EXPIRY_BEFORE =
  /\b(?:expire[sd]?|terminate[sd]?|end(?:s|ing)?|until|through|expiration\s+date\s+(?:is|shall\s+be)|expiring)\b[^.]{0,30}$|\bfrom\s+[^.]{4,40}?\s(?:to|till)\s+(?:and\s+including\s+)?$/i;
const COMMENCE_BEFORE = /\b(?:commenc\w*|begin\w*|start\w*|effective|dated|from)\b[^.]{0,25}$/i;

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
    if (perpetual.value === null && isPerpetualTerm(text)) {
      perpetual = makeFinding(
        "perpetual",
        "Continues until terminated (no fixed end date)",
        evidenceInSentence(ctx.index, sentence),
      );
    }
    if (!(TERM_CONTEXT.test(text) || THE_AGREEMENT_TERM.test(text)) || NOT_TERM.test(text)) {
      continue;
    }
    const defined = OTHER_DEFINITION.exec(text)?.[1];
    if (defined && !/\bterm\b/i.test(defined)) continue;

    if (initialTerm.value === null) {
      const d = findTermDuration(text);
      if (d) {
        initialTerm = makeFinding(
          d.iso,
          describeDuration(d.iso),
          evidenceInSentence(ctx.index, sentence, sentence.start + d.start, sentence.start + d.end),
        );
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
