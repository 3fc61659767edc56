import { differenceInCalendarDays, parseISO } from "date-fns";

const dayFormat = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

/** "Mon, Feb 14, 2027" for an ISO day (no time zone shift: it is a calendar day). */
export function formatDay(isoDay: string): string {
  return dayFormat.format(new Date(`${isoDay}T00:00:00Z`));
}

/** "today", "tomorrow", "in 12 days", "3 days ago", counted from the server's `today`. */
export function relativeDay(isoDay: string, today: string): string {
  const days = differenceInCalendarDays(parseISO(isoDay), parseISO(today));
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
