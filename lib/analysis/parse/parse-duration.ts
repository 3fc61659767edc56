import { add } from "date-fns";
import { formatIsoDay, parseIsoDay, parseIsoDuration } from "@/lib/dates/iso-calendar";
import { CARDINAL_TENS, CARDINAL_UNITS } from "./number-words";

// Key order is the regex alternation's order below ("a" before "an", "seven" before "seventy").
const SMALL: Record<string, number> = {
  zero: 0,
  a: 1,
  an: 1,
  ...Object.fromEntries(CARDINAL_UNITS.slice(1).map((word, i) => [word, i + 1])),
  ...CARDINAL_TENS,
};

export type DurationUnit = "Y" | "M" | "W" | "D";

export type DurationMatch = {
  /** Offsets into the searched text. */
  start: number;
  end: number;
  raw: string;
  amount: number;
  unit: DurationUnit;
  /** ISO-8601 duration, e.g. "P1Y", "P90D". */
  iso: string;
};

/** The duration `raw` (at `start` in the searched text) names: `amount` of `unit`. */
export function durationMatch(
  start: number,
  raw: string,
  amount: number,
  unit: DurationUnit,
): DurationMatch {
  return { start, end: start + raw.length, raw, amount, unit, iso: `P${amount}${unit}` };
}

/** "P90D" → 90 days; null unless `iso` is one whole number of years, months, weeks or days. */
export function parseDurationIso(iso: string): { amount: number; unit: DurationUnit } | null {
  const m = /^P(\d+)([YMWD])$/.exec(iso);
  return m ? { amount: Number(m[1]), unit: m[2] as DurationUnit } : null;
}

const WORD = `(?:${Object.keys(SMALL).join("|")}|hundred)`;
// "one hundred eighty (180) calendar days", "twelve (12) months", "5-year", "(1) year", "a year".
const DURATION = new RegExp(
  `(?<![\\w-])(?:(${WORD}(?:[\\s-]+(?:and[\\s-]+)?${WORD}){0,3})\\s*(?:\\(\\s*(\\d{1,4})\\s*\\))?|\\(?(\\d{1,4})\\)?)` +
    `[\\s-]*(?:(?:full|calendar|business|working|consecutive|additional|successive|further|contract)[\\s-]+){0,3}` +
    `(year|month|week|day)s?(?![a-z])`,
  "gi",
);

const UNIT_CODES: Record<string, DurationUnit> = { year: "Y", month: "M", week: "W", day: "D" };

function parseNumberWords(words: string): number | null {
  let current = 0;
  const tokens = words
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((t) => t !== "" && t !== "and");
  // "a ninety day period": the article only counts when it stands alone ("a year").
  const counted = tokens.length > 1 ? tokens.filter((t) => t !== "a" && t !== "an") : tokens;
  for (const token of counted) {
    if (token === "hundred") {
      current = (current || 1) * 100;
      continue;
    }
    const value = SMALL[token];
    if (value === undefined) return null;
    current += value;
  }
  return current;
}

/** Every duration phrase in `text`, in order. */
export function findDurations(text: string): DurationMatch[] {
  const found: DurationMatch[] = [];
  for (const m of text.matchAll(DURATION)) {
    const [raw, words, parenthesized, digits, unitWord] = m;
    // Parenthesized digits are what the drafter meant when words and digits disagree.
    const amount =
      parenthesized !== undefined
        ? Number(parenthesized)
        : digits !== undefined
          ? Number(digits)
          : words !== undefined
            ? parseNumberWords(words)
            : null;
    const unit = UNIT_CODES[(unitWord ?? "").toLowerCase()];
    if (amount === null || amount <= 0 || !unit) continue;
    found.push(durationMatch(m.index, raw, amount, unit));
  }
  return found;
}

const UNIT_NAMES: Record<DurationUnit, string> = { Y: "year", M: "month", W: "week", D: "day" };

/** "P1Y" → "1 year", "P90D" → "90 days". */
export function describeDuration(iso: string): string {
  const parsed = parseDurationIso(iso);
  if (!parsed) return iso;
  const { amount } = parsed;
  const name = UNIT_NAMES[parsed.unit];
  return `${amount} ${name}${amount === 1 ? "" : "s"}`;
}

/**
 * Adds an ISO duration to an ISO date on the calendar (date-fns): a month after Jan 31 is the
 * last day of February, not March 2 or 3 as `Date` overflow gives. Null if either is malformed.
 */
export function addDuration(isoDate: string, isoDuration: string): string | null {
  const date = parseIsoDay(isoDate);
  const duration = parseIsoDuration(isoDuration);
  if (!date || !duration) return null;
  return formatIsoDay(add(date, duration));
}
