import { makeFinding, notFound } from "../findings";
import { formatIsoDate } from "../parse/parse-date";
import { addDuration, describeDuration } from "../parse/parse-duration";
import type { Finding } from "../result-schema";
import { evidenceInSentence } from "../text/make-evidence";
import { maskInnerDots } from "../text/mask-inner-dots";
import { eachSentence, type ScanContext } from "../text/scan-context";
import { findTermDates } from "./find-term-dates";
import { findTermDuration } from "./find-term-duration";
import { isEventEndedTerm } from "./is-event-ended-term";
import { isPerpetualTerm } from "./is-perpetual-term";
import { roundTermEnd } from "./round-term-end";

// Sentences that say how long the agreement runs ("this Agreement" as the subject: "the
// warranties in this Agreement shall terminate one year from the Closing Date" is not the term).
const TERM_CONTEXT =
  /["“](?:term|contract\s+period|agreement\s+period|expiration\s+date|expiry\s+date)["”]|\bterm\s+(?:shall\s+)?means?\b|^\s*(?:[\d.]+\s*)?(?:(?:agreement|contract)\s+)?(?:term|duration)(?:\s+of\s+(?:the\s+)?(?:agreement|contract))?\s*[:.]|\b(?:(?:term|duration|validity|period)\s+of\s+this\s+(?:agreement|contract)|initial\s+term|the\s+term\b(?!\s+of\s+(?:the|each|any|such|a|an|every|its)\s+(?![^.,;]{0,40}?\b(?:agreement|contract)\b)[a-z])|the\s+(?!renewal\b|extension\b|extended\b|royalty\b|additional\b|warranty\b|payment\b|license\b|licence\b|sublicense\b|lease\b|loan\b|employment\b|option\b|exclusivity\b|services?\b|order\b|project\b)[a-z-]+\s+term\s+(?:shall|will)\s+(?:begin|commence|end|expire|be|continue|run)\b|(?:(?<!\b(?:directors?|officers?|members?|arbitrators?|managers?|chair(?:man|person)?|representatives?|auditors?|trustees?)\s+)(?:is|are|shall\s+be)\s+(?:hereby\s+)?appointed|\bhereby\s+(?:appoints|engages|retains))\b[^.]{0,60}\bfor\s+(?:a|an)\s+(?:initial\s+)?(?:period|term)\s+of\b|this(?<!\b(?:in|under|by|of|if|when|whenever|while|as|once|until|unless)\s+this)\s+(?:[A-Za-z-]+\s+){0,2}?(?:agreement|contract|jv|joint\s+venture)\b[^.]{0,80}\b(?:(?:shall|will)\s+(?:commence|continue|remain|stay|be\s+binding|be\s+in\s+(?:full\s+)?(?:force|effect)|expire|terminate|end|be\s+effective|become\s+effective|come\s+into\s+(?:force|effect)|be\s+valid|run|last)|(?:is|shall\s+be|will\s+be)\s+for|is\s+(?:valid|effective|in\s+(?:full\s+)?(?:force|effect))|(?:is|has\s+been)\s+(?:entered\s+into|concluded|made)\s+for\s+(?:a|an|the)\s+(?:initial\s+)?(?:period|term)|(?:shall|will)\s+be\s+binding\s+for|(?:has|have)\s+a\s+(?:term|duration))|(?<!\b(?:services?|payments?|licen[cs]es?|obligations?|deliver(?:y|ies)|royalt(?:y|ies)|period|work|rights?|grant|lease|loan|employment|option|warrant(?:y|ies))\s+)(?:(?:shall|will)\s+(?:automatically\s+)?commence|shall\s+continue\s+in\s+(?:full\s+)?(?:force|effect))|fixed\s+term|\bexpiration\s+date\s*:)/i;
// "The Agreement shall run for 3 years", "The Agreement shall terminate five (5) years after the
// Effective Date": with "the", only wording that can only be about the term; "all other terms of the Agreement shall remain in full force" is amendment boilerplate.
const THE_AGREEMENT_TERM =
  /\bthe\s+agreement\b[^.]{0,40}\b(?:(?:shall|will)\s+(?:run|last|be\s+valid|be\s+effective|expire|continue\s+for|(?:remain|stay)\s+in\s+(?:(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?|place)\s+(?:for|until)|terminate\s+on|(?:terminate|end)\s+(?:automatically\s+)?[^.]{0,30}?\b(?:years?|months?)\s+(?:after|from|following)\s+(?:the\s+)?(?:effective|commencement|execution|date))\b|is\s+(?:entered\s+into|concluded)\s+for\b|(?:is|shall\s+be|will\s+be)\s+for\s+(?:an?\s+|the\s+)?(?:initial\s+)?(?:period|term)\b|has\s+a\s+(?:term|duration)\b)/i;
// "This Agreement expires on 06/30/2012": the present tense, but not as a condition ("if this
// Agreement terminates before …").
const PRESENT_TENSE_TERM =
  /(?<!\b(?:if|when|whenever|once|before|after|until|unless|as|that)\s+)\b(?:this|the)\s+(?:agreement|contract|term)\s+(?:expires|terminates|ends)\s+(?:on|at|upon|(?:[\w()-]+\s+){0,3}(?:years?|months?)\s+(?:after|from|following))\b/i;
// Survival and post-termination periods are not the term: tested near each length or date, so
// that a term clause run together with the survival clause after it still counts.
// "During the Term and until December 31, 2015, neither party shall solicit …": a covenant's
// period, measured alongside the term.
const NOT_TERM =
  /\bsurviv|\bduring\s+the\s+term\b|\bafter\s+(?:the\s+)?(?:termination|expiration|end\s+of)|\bfollowing\s+(?:the\s+)?(?:termination|expiration|end\s+of)/i;
// A definition of some other term ("Calendar Quarter" means each three (3) month period…).
const OTHER_DEFINITION = /["“]([^"“”]{1,40})["”]\s+(?:shall\s+)?means?\b/i;
const TERM_NAME = /\bterm\b|^(?:contract|agreement)\s+period$|^(?:expiration|expiry|end)\s+date$/i;
const near = (text: string, start: number, end: number) =>
  text.slice(Math.max(0, start - 150), end + 60);

export type TermFindings = { initialTerm: Finding; expirationDate: Finding; perpetual: Finding };

// "five (5) years from the date hereof", "commencing on the date of this Agreement": counted from
// the day the agreement is dated, not from a different effective date.
const FROM_AGREEMENT_DATE =
  /\b(?:date\s+(?:hereof|of\s+this\s+(?:agreement|contract|document)|(?:and\s+year\s+)?first\s+(?:above\s+)?(?:written|set\s+forth))|execution\s+date|date\s+of\s+(?:its\s+)?(?:execution|signing|signature))\b/i;
const FROM_EFFECTIVE_DATE = /\beffective\s+date\b/i;

/**
 * How long the agreement runs. `startDate` (effective or agreement date, ISO) lets a stated
 * duration be turned into an expiration date when none is stated; `agreementDate`, when given,
 * counts a length the term sentence counts from the date of the agreement itself.
 */
export function findTerm(
  ctx: ScanContext,
  startDate: string | null,
  agreementDate: string | null = null,
): TermFindings {
  let initialTerm = notFound();
  let expirationDate = notFound();
  let perpetual = notFound();
  // The day the term clause itself says the term starts, if it dates it.
  let termStart: string | null = null;
  // The sentence that states the length: it may run the term on to a period's end.
  let lengthSentence = "";

  for (const sentence of eachSentence(ctx)) {
    const text = maskInnerDots(sentence.text);
    if (perpetual.value === null && (isPerpetualTerm(text) || isEventEndedTerm(text))) {
      perpetual = makeFinding(
        "perpetual",
        "Continues until terminated (no fixed end date)",
        evidenceInSentence(ctx.index, sentence),
      );
    }
    if (
      !(TERM_CONTEXT.test(text) || THE_AGREEMENT_TERM.test(text) || PRESENT_TENSE_TERM.test(text))
    )
      continue;
    const defined = OTHER_DEFINITION.exec(text)?.[1];
    if (defined && !TERM_NAME.test(defined)) continue;

    if (initialTerm.value === null) {
      const d = findTermDuration(text);
      if (d && !NOT_TERM.test(near(text, d.start, d.end))) {
        lengthSentence = text;
        initialTerm = makeFinding(
          d.iso,
          describeDuration(d.iso),
          evidenceInSentence(ctx.index, sentence, sentence.start + d.start, sentence.start + d.end),
        );
      }
    }
    if (expirationDate.value === null || termStart === null) {
      const dates = findTermDates(text);
      const { end, start } = dates;
      if (termStart === null && start && !NOT_TERM.test(near(text, start.start, start.end))) {
        termStart = start.iso;
      }
      if (expirationDate.value === null && end && !NOT_TERM.test(near(text, end.start, end.end))) {
        expirationDate = makeFinding(
          end.iso,
          formatIsoDate(end.iso),
          evidenceInSentence(
            ctx.index,
            sentence,
            sentence.start + end.start,
            sentence.start + end.end,
          ),
        );
      }
    }
    // A length and a stated end date, or a length and the start it counts from, are enough.
    if (initialTerm.value !== null && (expirationDate.value !== null || termStart !== null)) break;
  }

  // A stated duration from a known start gives the end date; say that it was computed.
  // CUAD counts it to the same day (a year from 2000-06-21 ends 2001-06-21), as date-fns does.
  const fromAgreementDate =
    agreementDate !== null &&
    FROM_AGREEMENT_DATE.test(lengthSentence) &&
    !FROM_EFFECTIVE_DATE.test(lengthSentence);
  const from = termStart ?? (fromAgreementDate ? agreementDate : startDate);
  if (expirationDate.value === null && initialTerm.value !== null && initialTerm.evidence) {
    const counted = from ? addDuration(from, initialTerm.value) : null;
    const end = counted ? roundTermEnd(counted, lengthSentence) : null;
    if (from && end) {
      expirationDate = makeFinding(
        end,
        `${formatIsoDate(end)} (computed: ${initialTerm.display} from ${formatIsoDate(from)}${end === counted ? "" : ", to the end of that period"})`,
        initialTerm.evidence,
      );
    }
  }
  // A stated length is a fixed end, even when the start it counts from is unknown: "ten (10)
  // years from the Agreement Date" is not an agreement that runs until terminated, whatever
  // other sentence reads so (a default clause, a renewal that continues until notice).
  if (initialTerm.value !== null) perpetual = notFound();
  return { initialTerm, expirationDate, perpetual };
}
