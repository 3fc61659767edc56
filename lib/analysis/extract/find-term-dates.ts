import { type DateMatch, findDates } from "../parse/parse-date";
import { removeFilingStamps } from "../text/filing-stamps";
import { hasOtherSubject } from "./has-other-subject";
import { isForeignDate } from "./is-foreign-date";

const EXPIRY_BEFORE =
  /\b(?:expire[sd]?|terminat(?:e[sd]?|ing)|lapse[sd]?|end(?:s|ing)?|conclud(?:e[sd]?|ing)|until|till|through|expiration\s+date\s+(?:is|shall\s+be)|expiring)\b[^.]{0,30}$|\bexpir(?:ation|y)\s+date\s*(?::|["”]\s+(?:shall\s+)?means?(?:\s+the\s+date)?)\s*$/i;
// "from the Effective Date to 31 July 2013": the end of a from … to … span, even when the
// start is named rather than dated.
const SPAN_END_BEFORE = /\bfrom\s+[^.]{4,40}?\s(?:to|till)\s+(?:and\s+including\s+)?$/i;
// "Term: January 1, 2005 – December 31, 2005", "valid from 1 March 2010 to 28 February 2011": a
// date right after another date and a range word ends the span, when the span is the term's
// ("The term of this Agreement is July 1, 2010 to June 30, 2012")
// ("during the period 1 July 2004 - 30 June 2005" measures sales, not the term).
const RANGE_LEAD =
  /(?:\b(?:term|valid|effective|in\s+(?:force|effect)|from)\b[^.]{0,15}|\bterm\s+of\s+this\s+(?:agreement|contract)\s+(?:is|shall\s+be|will\s+be)\s+(?:the\s+period\s+)?(?:from\s+)?|^\W*)$/i;
const RANGE_BETWEEN =
  /^\s*(?:-|–|—|to|till|through|thru|until)\s+(?:and\s+including\s+)?$|^\s*[-–—]\s*$/i;
// "commencing on", "effective as of": a start; "effective until" is still an end.
const COMMENCE_BEFORE =
  /\b(?:commenc\w*|begin\w*|start\w*|effective|dated|from)\b(?![^.]*\b(?:until|till|through|expir\w*|terminat\w*|conclud\w*|end(?:s|ing)?)\b)[^.]{0,25}$/i;
// "The term of this Agreement will begin on December 15, 1997", "This Agreement shall come into
// force as of January 1, 2013", "… for twenty four (24) months to commence on the launch date of
// January 4, 1999": the day the term starts, which counts a stated length better
// than a date found elsewhere. Only with the agreement or its term as the subject: "the last
// Calendar Year of the Term shall commence on January 1" is not the term's start.
const START_BEFORE =
  /(?<!\b(?:of|in|under|by|to|with)\s+)\b(?:this\s+agreement|the\s+(?:(?:initial|remaining|original)\s+)?term)\b[^.;]{0,80}?\b(?:commenc\w*|begin(?:s|ning)?|start(?:s|ing)?|come\s+into\s+(?:force|effect)|become\s+effective|be\s+effective|effective)\s+(?:on|as\s+of|from)\s+(?:the\s+)?(?:(?:[a-z]+\s+){0,2}date\s+of\s+)?$/i;

// "… and replaces the prior agreement which terminated on February 28, 2008": a past end is
// another agreement's.
const PAST_END_BEFORE =
  /\b(?:which|that|has|have|had|was|were)\s+(?:\w+\s+)?(?:expired|terminated|ended|lapsed)\b[^.]{0,30}$/i;

export type TermDates = { end: DateMatch | null; start: DateMatch | null };

/** The end date, and the start date, a sentence about the term states (offsets in `text`). */
export function findTermDates(text: string): TermDates {
  let end: DateMatch | null = null;
  let start: DateMatch | null = null;
  let previous: DateMatch | null = null;
  for (const date of findDates(text)) {
    // A page's filing stamp ("Source: … 8-K, 8/22/2018") or a recited agreement's date.
    if (isForeignDate(text, date)) continue;
    const prior = previous;
    previous = date;
    // A page break's filing stamp inside the sentence: read the words around it as one.
    const before = removeFilingStamps(text.slice(Math.max(0, date.start - 250), date.start)).slice(
      -50,
    );
    if (
      start === null &&
      START_BEFORE.test(text.slice(Math.max(0, date.start - 160), date.start))
    ) {
      start = date;
      continue;
    }
    if (end !== null) continue;
    if (SPAN_END_BEFORE.test(before)) end = date;
    else if (
      prior &&
      RANGE_BETWEEN.test(text.slice(prior.end, date.start)) &&
      RANGE_LEAD.test(text.slice(Math.max(0, prior.start - 40), prior.start))
    ) {
      end = date;
    } else if (
      EXPIRY_BEFORE.test(before) &&
      !COMMENCE_BEFORE.test(before.slice(-20)) &&
      !PAST_END_BEFORE.test(before) &&
      !hasOtherSubject(text, date.start)
    ) {
      end = date;
    }
  }
  return { end, start };
}
