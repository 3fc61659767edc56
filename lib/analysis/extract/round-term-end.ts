import { endOfMonth, endOfQuarter, endOfYear } from "date-fns";
import { formatIsoDay, parseIsoDay } from "@/lib/dates/iso-calendar";

// "expire on the last day of the calendar month in which the fifth anniversary of the Effective
// Date occurs", "December 31 of the year in which …", "the end of the fifth (5th) full calendar
// year (the last day of the twelfth full calendar month) following the Effective Date": the term runs on from the counted day to the end of the
// month, quarter or year it falls in.
const TO_PERIOD_END =
  /\b(?:(?:end|last\s+day)\s+of\s+the\s+(?:then[\s-]current\s+)?(?:calendar\s+)?(year|quarter|month)\s+(?:in|during)\s+which|december\s+31(?:st)?\s+of\s+the\s+(?:calendar\s+)?(year)\s+(?:in|during)\s+which|(?:december\s+31(?:st)?|(?:end|last\s+day))\s+of\s+the\s+[a-z0-9-]+(?:\s*\(\s*\d{1,2}\s*(?:st|nd|rd|th)?\s*\))?\s+(?:full\s+)?calendar\s+(year|quarter|month))\b/i;

const END_OF = { month: endOfMonth, quarter: endOfQuarter, year: endOfYear } as const;

/**
 * `end` (ISO) moved to the last day of the calendar month, quarter or year it falls in, when the
 * term sentence says the term runs to the end of that period; else `end` unchanged.
 */
export function roundTermEnd(end: string, text: string): string {
  const m = TO_PERIOD_END.exec(text);
  const unit = (m?.[1] ?? m?.[2] ?? m?.[3])?.toLowerCase() as keyof typeof END_OF | undefined;
  const day = parseIsoDay(end);
  if (!unit || !day) return end;
  return formatIsoDay(END_OF[unit](day));
}
