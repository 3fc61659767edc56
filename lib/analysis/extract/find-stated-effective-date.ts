import { findDates } from "../parse/parse-date";
import type { Finding } from "../result-schema";
import type { ScanContext } from "../text/scan-context";
import { dateFinding as finding, type Head, headSentences } from "./date-finding";
import { isForeignDate } from "./is-foreign-date";

const DEFINES_EFFECTIVE_DATE =
  /^[^()]{0,60}\(\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?)?["“]?effective\s+date/i;
// "effective as of", "effective for all purposes and in all respects as of", "shall come into
// force as of", "takes effect on".
const EFFECTIVE_BEFORE =
  /\b(?:effective(?:\s+date\s*:?|\s+for\s+all\s+purposes(?:\s+and\s+in\s+all\s+respects)?)?|(?:come|comes|enter|enters)\s+into\s+(?:force|effect)|takes?\s+effect)\s*(?:as\s+of\s+|on\s+|from\s+)?(?:the\s+)?(?:this\s+)?[_\s]*$/i;
// A bare "effective <date>" dates this contract only when the contract is what the sentence is
// about ("This Agreement is made effective March 22, 2018"), not "the Stated Maturity … will,
// effective October 8, 2014, be adjusted".
const ABOUT_THE_CONTRACT =
  /\b(?:agreement|amendment|contract|addendum|hereof|hereto|effective\s+date)\b[^.]{0,120}$/i;
// With no effective date stated, the term's start is when the agreement takes effect: "The term
// … shall commence upon April 1, 1999", "The commencement date for this contract will be …".
// "This promotion shall begin on June 1,1999", "All terms of this Agreement will automatically
// commence on November 1st, 2017", "… months commencing the 1st day of September 2004".
const COMMENCES_BEFORE =
  /\b(?:(?:term|agreement|promotion|services?)\b[^.]{0,80}?\b(?:shall\s+|will\s+)?(?:\w+ly\s+)?(?:commenc\w*|begin\w*)|commencement\s+date\b[^.]{0,40}?\b(?:is|will\s+be|shall\s+be))\s+(?:on\s+|upon\s+|as\s+of\s+|from\s+|with\s+)?(?:the\s+)?[_\s]*$/i;
// The effectiveness clause may sit in the body: "13.1 This Agreement shall come into force
// as of January 1, 2013 and remain valid for 1 year."
const CONTRACT_TAKES_EFFECT =
  /\bthis\s+(?:agreement|contract|amendment)\s+(?:shall|will|is\s+to)?\s*(?:come\s+into\s+(?:force|effect)|enter\s+into\s+force|become\s+effective|take\s+effect|be\s+effective)\s+(?:as\s+of|on|from|with\s+effect\s+from)\s+(?:the\s+)?$/i;
const EFFECTIVE_DATE_MEANS = /["“]effective\s+date["”]\s+(?:shall\s+)?means?\b/i;

/** A date the head labels as the effective date, else a definition, else the term's start. */
export function findStatedEffectiveDate(ctx: ScanContext, head: Head): Finding | null {
  const dates = head.dates.filter((d) => !isForeignDate(head.text, d));
  for (const [i, date] of dates.entries()) {
    ctx.signal?.throwIfAborted();
    // "dated June 1, 2020, effective as of July 1, 2020 (“Effective Date”)": the definition
    // belongs to the nearer date.
    const next = dates[i + 1]?.start ?? Number.POSITIVE_INFINITY;
    const after = head.text.slice(date.end, Math.min(next, date.end + 120));
    const before = head.text.slice(Math.max(0, date.start - 60), date.start);
    const effective = EFFECTIVE_BEFORE.exec(before);
    const aboutContract =
      effective !== null &&
      (/date|force|effect\b|purposes/i.test(effective[0]) ||
        ABOUT_THE_CONTRACT.test(head.text.slice(Math.max(0, date.start - 160), date.start)));
    if (DEFINES_EFFECTIVE_DATE.test(after) || aboutContract) return finding(ctx, date, 0);
  }
  for (const sentence of ctx.index.sentences) {
    ctx.signal?.throwIfAborted();
    const means = EFFECTIVE_DATE_MEANS.exec(sentence.text);
    if (!means) continue;
    const date = findDates(sentence.text.slice(means.index))[0];
    if (date) return finding(ctx, date, sentence.start + means.index);
  }
  for (const sentence of headSentences(ctx, head)) {
    ctx.signal?.throwIfAborted();
    if (!/force|effect/i.test(sentence.text)) continue;
    for (const date of findDates(sentence.text)) {
      const before = sentence.text.slice(Math.max(0, date.start - 80), date.start);
      if (CONTRACT_TAKES_EFFECT.test(before)) return finding(ctx, date, sentence.start);
    }
  }
  for (const date of dates) {
    ctx.signal?.throwIfAborted();
    if (COMMENCES_BEFORE.test(head.text.slice(Math.max(0, date.start - 120), date.start))) {
      return finding(ctx, date, 0);
    }
  }
  return null;
}
