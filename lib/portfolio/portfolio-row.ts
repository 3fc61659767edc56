import type { DatedTerm } from "@/lib/contract-terms/upcoming-dates";

/** One analysed contract in the portfolio: its key terms, as the screen, JSON and files show them. */
export type PortfolioRow = {
  analysisId: string;
  document: string;
  /** Normalised ("services", "nda", …); null when not told. */
  contractType: string | null;
  counterparty: string | null;
  parties: string[];
  /** ISO dates (YYYY-MM-DD). */
  effectiveDate: string | null;
  expiration: DatedTerm | null;
  /** "Perpetual", "1 year", "18 months"; null when the dates do not tell. */
  term: string | null;
  /** True: renews without action; false: stated not to; null: unknown. */
  autoRenews: boolean | null;
  /** Human ("1 year", "30 days") from the ISO-8601 durations stored. */
  renewalTerm: string | null;
  noticePeriod: string | null;
  /** The next day by which notice must be given (from `upcomingDates`). */
  noticeDeadline: DatedTerm | null;
  governingLaw: string | null;
  riskFlags: string[];
  highRiskCount: number;
  createdAt: string;
};

/** The export columns, in order: the CSV header row and the XLSX header are exactly these. */
export const PORTFOLIO_COLUMNS = [
  "Document",
  "Type",
  "Counterparty",
  "Parties",
  "Effective date",
  "Expiration date",
  "Expiration estimated",
  "Term",
  "Auto-renewal",
  "Renewal term",
  "Notice period",
  "Notice deadline",
  "Notice deadline estimated",
  "Governing law",
  "Risk flags",
] as const;

export type PortfolioCell = string | { date: string } | null;

const yesNo = (value: boolean | null): string | null =>
  value === null ? null : value ? "Yes" : "No";

/** A row as the export's cells: text, ISO dates (typed as dates in XLSX), or empty. */
export function portfolioCells(row: PortfolioRow): PortfolioCell[] {
  const day = (value: string | null | undefined) => (value ? { date: value } : null);
  return [
    row.document,
    row.contractType,
    row.counterparty,
    row.parties.length ? row.parties.join("; ") : null,
    day(row.effectiveDate),
    day(row.expiration?.date),
    row.expiration ? yesNo(row.expiration.estimated) : null,
    row.term,
    yesNo(row.autoRenews),
    row.renewalTerm,
    row.noticePeriod,
    day(row.noticeDeadline?.date),
    row.noticeDeadline ? yesNo(row.noticeDeadline.estimated) : null,
    row.governingLaw,
    row.riskFlags.length ? row.riskFlags.join("; ") : null,
  ];
}
