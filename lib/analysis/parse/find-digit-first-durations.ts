import { type DurationMatch, durationMatch } from "./parse-duration";

// "5 (five) years", "12 (twelve) months": the digits first and the words in brackets, as many
// contracts drafted outside the US write it (findDurations reads "five (5) years").
const DIGIT_FIRST = /(?<![\w-])(\d{1,3})\s*\(\s*[a-z][a-z\s-]*\)\s*(year|month)s?(?![a-z])/gi;

/** Every "N (words) years|months" phrase in `text`, in order. */
export function findDigitFirstDurations(text: string): DurationMatch[] {
  const found: DurationMatch[] = [];
  for (const m of text.matchAll(DIGIT_FIRST)) {
    const amount = Number(m[1]);
    if (!amount) continue;
    const unit = m[2]?.toLowerCase() === "year" ? "Y" : "M";
    found.push(durationMatch(m.index, m[0], amount, unit));
  }
  return found;
}
