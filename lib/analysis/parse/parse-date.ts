import { MONTH_NAMES } from "./number-words";
import { findLetterSpacedDates } from "./parse-letter-spaced-date";
import { findSpelledDates } from "./parse-spelled-date";

export type DateMatch = {
  /** Offsets into the searched text. */
  start: number;
  end: number;
  raw: string;
  /** YYYY-MM-DD */
  iso: string;
};

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
// Ordinal suffixes, including the split forms PDF-to-text leaves behind ("1s t", "20t h").
const ORDINAL = "(?:st|nd|rd|th|s ?t|n ?d|r ?d|t ?h)?";

// "(?<![A-Za-z])" instead of "\b": blanks in templates are often underscores ("_Dec. 8, 2005").
const MONTH_FIRST = new RegExp(
  `(?<![A-Za-z])${MONTH}\\.?\\s+(\\d{1,2})\\s?${ORDINAL}\\s*,?\\s*(?:of\\s+)?(\\d{4})(?!\\d)`,
  "gi",
);
// "19 DAY OF MAY , 2010": scanned filings leave a space before the comma.
const DAY_FIRST = new RegExp(
  `(?<![\\d/])(\\d{1,2})\\s?${ORDINAL}\\s+(?:day\\s+)?(?:of\\s+)?${MONTH}\\.?\\s*,?\\s+(?:of\\s+)?(\\d{4})(?!\\d)`,
  "gi",
);
// Contracts in this product are mostly US: slashed dates are read month/day, unless the first
// number cannot be a month ("13/07/05" is 13 July). (Dashed "3-5-98" is left out: reading it
// lowered the held-out score.)
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

function monthNumber(name: string): number | undefined {
  return MONTH_NUMBERS[name.slice(0, 3).toLowerCase()];
}

export function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function expandYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year > 50 ? 1900 + year : 2000 + year;
}

function slashedParts(first: number, second: number, year: string): [number, number, number] {
  const dayFirst = first > 12 && second <= 12;
  return [expandYear(year), dayFirst ? second : first, dayFirst ? first : second];
}

function collect(
  text: string,
  pattern: RegExp,
  toParts: (m: RegExpMatchArray) => [number, number | undefined, number] | null,
  out: DateMatch[],
): void {
  for (const m of text.matchAll(pattern)) {
    const parts = toParts(m);
    if (!parts) continue;
    const [year, month, day] = parts;
    if (month === undefined) continue;
    const iso = toIsoDate(year, month, day);
    if (iso) out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], iso });
  }
}

/** Every recognizable calendar date in `text`, in order, without overlaps. */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  collect(text, MONTH_FIRST, (m) => [Number(m[3]), monthNumber(m[1] ?? ""), Number(m[2])], found);
  collect(text, DAY_FIRST, (m) => [Number(m[3]), monthNumber(m[2] ?? ""), Number(m[1])], found);
  collect(text, SLASHED, (m) => slashedParts(Number(m[1]), Number(m[2]), m[3] ?? ""), found);
  collect(text, ISO, (m) => [Number(m[1]), Number(m[2]), Number(m[3])], found);
  found.push(...findSpelledDates(text));
  found.push(...findLetterSpacedDates(text));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: DateMatch[] = [];
  for (const match of found) {
    const last = result[result.length - 1];
    if (last && match.start < last.end) continue;
    result.push(match);
  }
  return result;
}

/** "2020-02-04" → "February 4, 2020". */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTH_NAMES[Number(m[2]) - 1];
  return month ? `${month} ${Number(m[3])}, ${m[1]}` : iso;
}
