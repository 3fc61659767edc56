import type { DateMatch } from "../parse/parse-date";
import { endsAtFilingStampDate } from "../text/filing-stamps";

// How far back to look for what a date belongs to.
const LOOK_BACK = 200;

// A recited document: "that certain Reseller Agreement … dated as of August 1, 2015",
// "Amendment n° 01 to the Global Maintenance Agreement … dated March 9, 2015", "have entered
// into a Master Lease Agreement dated November 9, 2005", "pursuant to a Unit Agreement (the
// “Unit Agreement”) dated as of …". "This Agreement, dated …" is the contract itself, so the
// words between the determiner and the document never include "this".
const RECITED_DOCUMENT =
  /\b(?:that\s+certain|the|an?|such|said|its|their)\s+(?:(?!this\b)[\w&.,'’/°-]+\s+){0,10}?(?:agreement|contract|amendment|lease|indenture|schedule\s+13[dg](?:\/a)?|plan|letter|licen[cs]e|order|note|statement)\b(?:[^;:()]|\([^()]{0,80}\)){0,160}?\bdated\s+(?:as\s+of\s+)?(?:the\s+)?$/i;

/**
 * Whether a date in `text` belongs to another document than the contract: the filing stamp of
 * the exhibit, or an earlier agreement the contract recites or amends.
 */
export function isForeignDate(text: string, date: DateMatch): boolean {
  const before = text.slice(Math.max(0, date.start - LOOK_BACK), date.start);
  if (endsAtFilingStampDate(before)) return true;
  // Only the sentence the date sits in says what it dates.
  // ("ref. DS/C-3957" and "Inc. (" do not end one.)
  const sentence = before.split(/(?<=[a-z]{4,}|\))[.;]\s+(?=[A-Z])/).pop() ?? before;
  return RECITED_DOCUMENT.test(sentence);
}
