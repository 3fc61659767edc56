import { CARDINAL_TENS, CARDINAL_UNITS, MONTH_NAMES, UNIT_ORDINALS } from "./number-words";
import type { DateMatch } from "./parse-date";
import { toIsoDate } from "./parse-date";

const UNITS = CARDINAL_UNITS;
const TENS = CARDINAL_TENS;
// A day of the month ends in one of these ("the twenty-first day").
const ORDINAL_UNITS = Object.fromEntries(
  Object.entries(UNIT_ORDINALS).filter(([, value]) => value <= 30),
);
const MONTHS = MONTH_NAMES.map((name) => name.toLowerCase());

// Formal deeds spell the date out: "the first day of March, two thousand three",
// "this twenty-first day of June, nineteen hundred and ninety-nine".

const ORDINAL_WORD = `(?:(?:twenty|thirty)[\\s-]+)?(?:${Object.keys(ORDINAL_UNITS).join("|")})`;
const NUMBER_WORD = `(?:${Object.keys(TENS).join("|")}|${UNITS.join("|")})`;
// A year in words: "two thousand (and) three", "nineteen hundred (and) ninety-nine",
// "nineteen ninety-nine"; or in digits.
const YEAR_WORDS = `(?:${NUMBER_WORD}(?:[\\s-]+(?:and\\s+)?(?:thousand|hundred|${NUMBER_WORD}))*)`;
const SPELLED = new RegExp(
  `\\b(${ORDINAL_WORD})\\s+day\\s+of\\s+(${MONTHS.join("|")})\\s*,?\\s+(?:in\\s+the\\s+year\\s+|of\\s+)?(\\d{4}|${YEAR_WORDS})\\b`,
  "gi",
);

function ordinalValue(words: string): number | undefined {
  const parts = words.toLowerCase().split(/[\s-]+/);
  const last = ORDINAL_UNITS[parts[parts.length - 1] ?? ""];
  if (last === undefined) return undefined;
  return parts.length === 2 ? (TENS[parts[0] ?? ""] ?? 0) + last : last;
}

/** Words below a hundred ("ninety-nine", "three") → number, else undefined. */
function smallNumber(words: readonly string[]): number | undefined {
  let total = 0;
  for (const word of words) {
    const unit = UNITS.indexOf(word);
    if (unit !== -1) total += unit;
    else if (TENS[word] !== undefined) total += TENS[word];
    else return undefined;
  }
  return total;
}

function yearValue(text: string): number | undefined {
  if (/^\d{4}$/.test(text)) return Number(text);
  const words = text
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== "and");
  const thousand = words.indexOf("thousand");
  if (thousand !== -1) {
    const head = smallNumber(words.slice(0, thousand));
    const tail = smallNumber(words.slice(thousand + 1));
    return head === undefined || tail === undefined ? undefined : head * 1000 + tail;
  }
  const hundred = words.indexOf("hundred");
  if (hundred !== -1) {
    const head = smallNumber(words.slice(0, hundred));
    const tail = smallNumber(words.slice(hundred + 1));
    return head === undefined || tail === undefined ? undefined : head * 100 + tail;
  }
  // "nineteen ninety-nine": the century is the first word.
  const [century, ...rest] = words;
  const head = smallNumber(century ? [century] : []);
  const tail = smallNumber(rest);
  return head === undefined || tail === undefined || rest.length === 0
    ? undefined
    : head * 100 + tail;
}

/** Dates whose day (and perhaps year) is written in words. */
export function findSpelledDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (const m of text.matchAll(SPELLED)) {
    const day = ordinalValue(m[1] ?? "");
    const month = MONTHS.indexOf((m[2] ?? "").toLowerCase()) + 1;
    // The year match is greedy over number words; trim trailing words it cannot use.
    let yearText = (m[3] ?? "").trim();
    let year = yearValue(yearText);
    while (year === undefined && /[\s-]/.test(yearText)) {
      yearText = yearText.replace(/[\s-]+\S+$/, "");
      year = yearValue(yearText);
    }
    if (day === undefined || year === undefined) continue;
    const iso = toIsoDate(year, month, day);
    if (!iso) continue;
    const end = m.index + m[0].length - ((m[3] ?? "").length - yearText.length);
    out.push({ start: m.index, end, raw: text.slice(m.index, end), iso });
  }
  return out;
}
