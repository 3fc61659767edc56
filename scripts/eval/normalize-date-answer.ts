import { findDates, toIsoDate } from "@/lib/analysis/parse/parse-date";
import { hasBlank, splitAnswer } from "./split-answer";
import type { Expected } from "./types";

// CUAD writes dates as m/d/yy; the sample spans 1995–2020, so two-digit years pivot at 50.
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;

function isoFromAnswer(part: string): string | null {
  const m = SLASHED.exec(part);
  if (m) {
    const year =
      m[3]?.length === 2 ? Number(m[3]) + (Number(m[3]) > 50 ? 1900 : 2000) : Number(m[3]);
    return toIsoDate(year, Number(m[1]), Number(m[2]));
  }
  // Spelled-out dates ("December 16, 2004") in hand-written labels.
  const [date] = findDates(part);
  return date && date.raw.length >= part.length - 2 ? date.iso : null;
}

/**
 * A date label → ISO dates. A date the contract leaves blank ("[]/[]/2020") cannot be read off
 * the page, so the right answer is "no date" (absent), as for an empty label.
 */
export function normalizeDateAnswer(raw: string): Expected {
  const parts = splitAnswer(raw);
  if (parts.length === 0 || hasBlank(raw)) return { kind: "absent" };
  const values = parts.map(isoFromAnswer);
  if (values.some((v) => v === null)) return { kind: "unscorable", raw };
  return { kind: "values", values: values.filter((v): v is string => v !== null) };
}
