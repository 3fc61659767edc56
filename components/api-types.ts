/** Shapes of the JSON API as the browser sees them (see the route handlers under app/api). */

import type { CreditBalanceView, CreditEntryView } from "@/lib/billing/get-credit-summary";
import type { AnalysisStatus } from "@/lib/db/schema";
import type { StoredDocument, UploadQuote } from "@/lib/documents/store-uploaded-document";
import type { AnalysisView } from "@/lib/jobs/analysis-view";
import type { AdminAnalysisRow } from "@/lib/jobs/list-admin-analyses";

export type { AnalysisStatus, AnalysisView };

export type UploadedDocument = StoredDocument;
export type Quote = UploadQuote;

export type UploadResponse = { document: UploadedDocument; quote: Quote };

export type AnalysesListResponse = {
  analyses: AnalysisView[];
  /** Not sent today (the list pages with `?before=<createdAt>`); honoured if it ever is. */
  nextCursor?: string | null;
};

export type AnalysisResponse = { analysis: AnalysisView };

export type CreditEntryKind = CreditEntryView["kind"];
export type CreditBalance = CreditBalanceView;
export type CreditEntry = CreditEntryView;

export type CreditsResponse = { balance: CreditBalance; entries: CreditEntry[] };

export type AdminAnalysis = AdminAnalysisRow;

export type AdminAnalysesResponse = {
  items: AdminAnalysis[];
  total: number;
  page: number;
  pageSize: number;
};

// Spelled out (not imported from the schema) to keep drizzle out of the browser bundle;
// `satisfies` below fails the typecheck if the database enum gains a status this list lacks.
export const ANALYSIS_STATUSES = [
  "quoted",
  "queued",
  "running",
  "succeeded",
  "failed",
  "cancelled",
  "expired",
] as const satisfies readonly AnalysisStatus[];
type MissingStatus = Exclude<AnalysisStatus, (typeof ANALYSIS_STATUSES)[number]>;
const everyStatusListed: [MissingStatus] extends [never] ? true : never = true;
void everyStatusListed;
