import { MONTH_NAMES } from "./number-words";
import type { DateMatch } from "./parse-date";
import { toIsoDate } from "./parse-date";

const MONTHS = MONTH_NAMES.map((name) => name.toLowerCase());

// Some filings print the date line letter-spaced, and PDF-to-text keeps a space between every
// character: "made this 14th d a y o f M a r c h , 2 0 1 6". The month is then recognizable only
// spelled with those spaces.

const spaced = (word: string) => word.split("").join(" ");
const SPACED_MONTH = `(${MONTHS.map(spaced).join("|")})`;
const DAY = "(\\d(?: ?\\d)?)";
const ORDINAL = "(?: ?(?:s ?t|n ?d|r ?d|t ?h))?";
const YEAR = "(\\d ?\\d ?\\d ?\\d)(?! ?\\d)";

// "14th d a y o f M a r c h , 2 0 1 6", "1 4 t h d a y o f M a r c h 2 0 1 6"
const DAY_FIRST = new RegExp(
  `(?<![\\d/])${DAY}${ORDINAL}\\s+(?:d a y\\s+)?(?:o f\\s+)?${SPACED_MONTH}\\s?,?\\s*${YEAR}`,
  "gi",
);
// "M a r c h 1 4 , 2 0 1 6"
const MONTH_FIRST = new RegExp(
  `(?<![A-Za-z])${SPACED_MONTH}\\s+${DAY}${ORDINAL}\\s?,?\\s*${YEAR}`,
  "gi",
);

const digits = (text: string) => Number(text.replace(/ /g, ""));
const monthOf = (name: string) => MONTHS.indexOf(name.replace(/ /g, "").toLowerCase()) + 1;

/** Dates whose month is letter-spaced ("M a r c h"), with offsets into `text`. */
export function findLetterSpacedDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  const push = (m: RegExpMatchArray, day: string, month: string, year: string) => {
    const iso = toIsoDate(digits(year), monthOf(month), digits(day));
    if (iso) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, raw: m[0], iso });
  };
  for (const m of text.matchAll(DAY_FIRST)) push(m, m[1] ?? "", m[2] ?? "", m[3] ?? "");
  for (const m of text.matchAll(MONTH_FIRST)) push(m, m[2] ?? "", m[1] ?? "", m[3] ?? "");
  return out;
}
