import { type Duration, format, isValid, parseISO } from "date-fns";

/**
 * Calendar-date helpers shared by the derivation and the deadline math. Dates are plain ISO
 * days (YYYY-MM-DD) parsed to local midnight: date-fns adds months and days on the calendar
 * (month ends clamp, leap days exist), so the host time zone does not change the answer.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The date part of an ISO-8601 duration (P1Y, P6M, P2W, P30D, P1Y6M); no time part. */
const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** The ISO day as a Date at local midnight, or null when it is not a real calendar day. */
export function parseIsoDay(value: string | null | undefined): Date | null {
  if (!value || !ISO_DAY.test(value)) return null;
  const date = parseISO(value);
  // Round-trip too, so no day that parses loosely (or moves) gets stored as another day.
  if (!isValid(date) || format(date, "yyyy-MM-dd") !== value) return null;
  return date;
}

export function formatIsoDay(date: Date): string {
  return format(date, "yyyy-MM-dd");
}

/** An ISO-8601 date duration as date-fns `Duration`, or null when malformed or zero. */
export function parseIsoDuration(value: string | null | undefined): Duration | null {
  if (!value) return null;
  const m = ISO_DURATION.exec(value);
  if (!m || value === "P") return null;
  const [years, months, weeks, days] = m.slice(1).map((part) => (part ? Number(part) : 0));
  if (!years && !months && !weeks && !days) return null;
  return { years, months, weeks, days };
}

/** `duration` times `factor` (every unit scaled), for adding whole renewal cycles at once. */
export function scaleDuration(duration: Duration, factor: number): Duration {
  return {
    years: (duration.years ?? 0) * factor,
    months: (duration.months ?? 0) * factor,
    weeks: (duration.weeks ?? 0) * factor,
    days: (duration.days ?? 0) * factor,
  };
}
