import { addDays, subDays } from "date-fns";
import { type TermDates, upcomingDates } from "@/lib/contract-terms/upcoming-dates";
import { formatIsoDay, parseIsoDay } from "@/lib/dates/iso-calendar";
import { describeDeadlineBasis } from "./describe-deadline-basis";

export type DeadlineKind = "notice" | "expiration";

/** One contract's terms as the deadlines read them. */
export type DeadlineSource = TermDates & {
  analysisId: string;
  title: string | null;
  filename: string;
  counterparty: string | null;
};

export type DeadlineItem = {
  analysisId: string;
  /** The contract's title, or its file name when the analysis found none. */
  title: string;
  filename: string;
  counterparty: string | null;
  kind: DeadlineKind;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  estimated: boolean;
  autoRenews: boolean | null;
  /** How the date was derived, in a sentence (the "estimated" tooltip, the calendar entry). */
  basis: string;
};

export type DeadlineGroups = {
  /** Past dates still worth acting on: a notice deadline whose term has not ended yet (notice
   *  may still be negotiated, or the renewal must be planned for), or any date in the last
   *  `RECENT_DAYS` days. */
  overdue: DeadlineItem[];
  /** Today through today + 30 days. */
  next30: DeadlineItem[];
  /** After that, through today + `days`. */
  next90: DeadlineItem[];
};

/** How far back a passed date is still shown. */
export const RECENT_DAYS = 30;
const SOON_DAYS = 30;

/**
 * Every notice deadline and expiration of `sources` as of `today`, grouped, each group in date
 * order (then by title). Dates after today + `days` and past ones no longer actionable are left
 * out; perpetual contracts and those without an end date have none.
 */
export function groupDeadlines(
  sources: readonly DeadlineSource[],
  today: string,
  days: number,
): DeadlineGroups {
  const groups: DeadlineGroups = { overdue: [], next30: [], next90: [] };
  const todayDate = parseIsoDay(today);
  if (!todayDate) return groups;
  const recentFrom = formatIsoDay(subDays(todayDate, RECENT_DAYS));
  const soonUntil = formatIsoDay(addDays(todayDate, Math.min(SOON_DAYS, days)));
  const until = formatIsoDay(addDays(todayDate, days));

  for (const source of sources) {
    const { noticeDeadline, expiration } = upcomingDates(source, today);
    if (!expiration) continue;
    const dated: Array<[DeadlineKind, NonNullable<typeof noticeDeadline>]> = [];
    if (noticeDeadline) dated.push(["notice", noticeDeadline]);
    dated.push(["expiration", expiration]);
    for (const [kind, { date, estimated }] of dated) {
      const item: DeadlineItem = {
        analysisId: source.analysisId,
        title: source.title ?? source.filename,
        filename: source.filename,
        counterparty: source.counterparty,
        kind,
        date,
        estimated,
        autoRenews: source.autoRenews,
        basis: describeDeadlineBasis(source, kind, expiration.date),
      };
      if (date < today) {
        const termStillRuns = kind === "notice" && expiration.date >= today;
        if (termStillRuns || date >= recentFrom) groups.overdue.push(item);
      } else if (date <= soonUntil) groups.next30.push(item);
      else if (date <= until) groups.next90.push(item);
    }
  }
  for (const list of Object.values(groups)) list.sort(byDateThenTitle);
  return groups;
}

function byDateThenTitle(a: DeadlineItem, b: DeadlineItem): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.title !== b.title) return a.title.localeCompare(b.title);
  // The notice deadline of a contract before its expiration on the same day.
  return a.kind === b.kind ? 0 : a.kind === "notice" ? -1 : 1;
}
