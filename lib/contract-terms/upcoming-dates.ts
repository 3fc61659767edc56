import { add, type Duration, sub } from "date-fns";
import {
  formatIsoDay,
  parseIsoDay,
  parseIsoDuration,
  scaleDuration,
} from "@/lib/dates/iso-calendar";
import type { ContractTerms } from "@/lib/db/schema";

/** The dates of a contract that matter to its owner, as of one day. */
export type DatedTerm = {
  /** ISO date (YYYY-MM-DD). */
  date: string;
  /** Computed from other terms (an initial term, a renewal cycle), not stated in the contract. */
  estimated: boolean;
};

export type UpcomingDates = {
  /** The last day to give notice so the contract does not renew (or, without renewal, to
   *  end it at expiry): the current or next term end minus the notice period. */
  noticeDeadline: DatedTerm | null;
  /** The end of the current term: the stated expiration, or the renewal cycle's end after it. */
  expiration: DatedTerm | null;
};

export type TermDates = Pick<
  ContractTerms,
  | "expirationDate"
  | "expirationEstimated"
  | "perpetual"
  | "autoRenews"
  | "renewalTerm"
  | "noticePeriod"
>;

/** A daily renewal rolled over a century is ~36,500 cycles; beyond that the input is nonsense. */
const MAX_RENEWAL_CYCLES = 40_000;

/**
 * The notice deadline and term end of a contract as of `today` (ISO date).
 *
 * - The term end is the expiration date. A contract that renews automatically and whose end is
 *   before `today` has renewed: its end moves forward by whole renewal terms, each counted from
 *   the stated end (end + k × term, not + term k times, so Jan 31 + P1M × 2 is Mar 31, not the
 *   Mar 28 that stepping via Feb 28 would give) until it is on or after `today`.
 * - The notice deadline is that term end minus the notice period. It can be before `today`
 *   (notice for this cycle is late); the caller decides how to show that.
 * - A date is estimated when it was computed: the expiration was (effective date + initial
 *   term), or renewal cycles were added. The deadline is estimated when its term end is.
 * - Perpetual contracts, and contracts without an expiration date, have neither date; a
 *   contract without a usable notice period has no notice deadline. An auto-renewing contract
 *   whose renewal term is unknown keeps its stated (past) end: we do not guess the cycle.
 */
export function upcomingDates(terms: TermDates, today: string): UpcomingDates {
  const none = { noticeDeadline: null, expiration: null };
  if (terms.perpetual) return none;
  const statedEnd = parseIsoDay(terms.expirationDate);
  const todayDate = parseIsoDay(today);
  if (!statedEnd || !todayDate) return none;

  let end = statedEnd;
  let rolled = false;
  const cycle = terms.autoRenews === true ? parseIsoDuration(terms.renewalTerm) : null;
  if (cycle && end < todayDate) {
    const next = firstCycleEndOnOrAfter(statedEnd, cycle, todayDate);
    if (!next) return none;
    end = next;
    rolled = true;
  }

  const estimated = terms.expirationEstimated || rolled;
  const expiration = { date: formatIsoDay(end), estimated };
  const notice = parseIsoDuration(terms.noticePeriod);
  const noticeDeadline = notice ? { date: formatIsoDay(sub(end, notice)), estimated } : null;
  return { noticeDeadline, expiration };
}

function firstCycleEndOnOrAfter(start: Date, cycle: Duration, today: Date): Date | null {
  for (let cycles = 1; cycles <= MAX_RENEWAL_CYCLES; cycles++) {
    const end = add(start, scaleDuration(cycle, cycles));
    if (end >= today) return end;
  }
  return null;
}
