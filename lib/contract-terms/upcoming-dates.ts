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

/**
 * The notice deadline and term end of a contract as of `today` (ISO date). Placeholder of the
 * issue-19 foundation: the deadlines work replaces the body with date-fns arithmetic (month
 * ends, leap years, renewal cycles rolled forward past `today`).
 */
export function upcomingDates(_terms: TermDates, _today: string): UpcomingDates {
  return { noticeDeadline: null, expiration: null };
}
