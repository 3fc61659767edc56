import { type Duration, formatDuration, intervalToDuration } from "date-fns";

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** "P1Y" → "1 year", "P30D" → "30 days", "P1Y6M" → "1 year 6 months"; anything else as stored. */
export function formatIsoDuration(value: string | null): string | null {
  if (!value) return null;
  const match = ISO_DURATION.exec(value.trim().toUpperCase());
  if (!match || match.slice(1).every((part) => part === undefined)) return value;
  const [, years, months, weeks, days] = match.map((part) => (part ? Number(part) : 0));
  const duration: Duration = { years, months, weeks, days };
  return formatDuration(duration) || value;
}

/** The length of a contract from its dates: "Perpetual", "1 year", "2 years 6 months". */
export function describeTerm(input: {
  perpetual: boolean;
  effectiveDate: string | null;
  expirationDate: string | null;
}): string | null {
  if (input.perpetual) return "Perpetual";
  if (!input.effectiveDate || !input.expirationDate) return null;
  const start = new Date(`${input.effectiveDate}T00:00:00Z`);
  const end = new Date(`${input.expirationDate}T00:00:00Z`);
  if (!(end > start)) return null;
  // "1 Jan 2026 to 1 Jan 2027" and "1 Jan 2026 to 31 Dec 2026" (last day included) are both
  // a year: whichever reading gives whole months is the one meant.
  const dayAfter = new Date(end);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  const exact = intervalToDuration({ start, end });
  const inclusive = intervalToDuration({ start, end: dayAfter });
  const { years, months, days } = !exact.days || inclusive.days ? exact : inclusive;
  return formatDuration({ years, months, days }) || null;
}
