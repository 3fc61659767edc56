import type { Sentence } from "../text/document-index";

// A contract that takes effect when it is dated or signed states an effective date without
// repeating it: "This Agreement shall become effective as of the day and year first above
// written", "“Effective Date” means the date first written above", "shall enter into force on
// the date of its signature", "is effective as of the last date signed below (“Effective
// Date”)", "shall commence on the date hereof (the “Effective Date”)". A term merely "commencing
// on the date of this Agreement" is not enough: CUAD labels those both ways; "This Agreement
// commences on the date first above written" is.
const DATE_OF_AGREEMENT = `(?:the\\s+)?(?:${[
  "(?:day|date)(?:\\s+and\\s+year)?\\s+first\\s+(?:above\\s+|hereinabove\\s+)?(?:written|set\\s+forth|stated)(?:\\s+above)?",
  "date\\s+(?:set\\s+forth|noted|provided\\s+for|written|indicated)\\s+(?:below|above|on\\s+the\\s+signature\\s+page)",
  "date\\s+(?:hereof|of\\s+this\\s+(?:agreement|contract|amendment))",
  "(?:last|later|latest)\\s+(?:of\\s+the\\s+)?dates?\\s+(?:signed|provided\\s+for\\s+on\\s+the\\s+signature\\s+page|(?:of\\s+)?(?:signature|execution))",
  "date\\s+of\\s+(?:(?:its|the|last|final)\\s+)*(?:signature|execution|signing)",
  "(?:signing|signature|execution)\\s+date",
  "(?:later\\s+of\\s+the\\s+)?(?:date|day)s?\\s+(?:on\\s+which|that|when)\\s+(?:it|this\\s+\\w+)\\s+(?:is|was|has\\s+been|shall\\s+be)\\s+(?:signed|executed)",
].join("|")})`;
const TAKES_EFFECT = new RegExp(
  `\\b(?:(?:be(?:come)?|is|are|and)\\s+effective|take\\s+effect|this\\s+agreement\\s+(?:shall\\s+|will\\s+)?commences?|(?:enter|come)\\s+into\\s+(?:force|effect)|["“]?(?:effective|commencement)\\s+date["”]?\\s+(?:shall\\s+)?means?)\\s+(?:(?:on|as\\s+of|from|upon|at)\\s+)?${DATE_OF_AGREEMENT}`,
  "i",
);
// "… is entered into as of the date noted below (the “Effective Date”)": the defined term
// follows the reference.
const DEFINED_AT_DATE_OF_AGREEMENT = new RegExp(
  `\\b(?:as\\s+of|on)\\s+${DATE_OF_AGREEMENT}\\s*[,(]\\s*(?:the\\s+|hereinafter\\s+)?["“]effective\\s+date`,
  "i",
);

// The contract relies on its "Effective Date" without defining it by another date or event.
const USES_EFFECTIVE_DATE = /\bEffective\s+Date\b/;
const DEFINES_EFFECTIVE_DATE =
  /["“]Effective\s+Date["”]\s+(?:shall\s+)?(?:means?|has\s+the\s+meaning|shall\s+have\s+the\s+meaning)|\(\s*(?:the\s+|hereinafter\s+)?["“]Effective\s+Date["”]\s*\)/i;

/**
 * The first sentence saying the contract takes effect on its own date or at signing, else the
 * first use of an "Effective Date" that nothing defines; null when the contract is silent or
 * defines its Effective Date by an event ("the date on which … is approved").
 */
export function findEffectOnSigning(sentences: readonly Sentence[]): Sentence | null {
  for (const sentence of sentences) {
    if (!/effect|force|commenc/i.test(sentence.text)) continue;
    if (TAKES_EFFECT.test(sentence.text) || DEFINED_AT_DATE_OF_AGREEMENT.test(sentence.text)) {
      return sentence;
    }
  }
  // An undefined "Effective Date" used in the body is the date of the agreement (CUAD labels it
  // so in 54 of the 60 dev contracts that use the term and are dated).
  if (sentences.some((s) => DEFINES_EFFECTIVE_DATE.test(s.text))) return null;
  return sentences.find((s) => USES_EFFECTIVE_DATE.test(s.text)) ?? null;
}
