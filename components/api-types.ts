/** Shapes of the JSON API as the browser sees them (see the route handlers under app/api). */
import type { AnalysisStatus } from "@/lib/db/schema";
import type { AnalysisView } from "@/lib/jobs/analysis-view";

export type { AnalysisStatus, AnalysisView };

export type UploadedDocument = {
  id: string;
  filename: string;
  kind: string;
  sizeBytes: number;
  pageCount: number;
  wordCount: number;
  sha256: string;
  createdAt: string;
};

export type Quote = {
  analysisId: string;
  pages: number;
  words: number;
  priceCredits: number;
  availableCredits: number;
  sufficient: boolean;
};

export type UploadResponse = { document: UploadedDocument; quote: Quote };

export type AnalysesListResponse = {
  analyses: AnalysisView[];
  /** Not sent today (the list pages with `?before=<createdAt>`); honoured if it ever is. */
  nextCursor?: string | null;
};

export type AnalysisResponse = { analysis: AnalysisView };

export type CreditEntryKind = "grant" | "hold" | "capture" | "release" | "adjust";

export type CreditBalance = { available: number; held: number; spent: number; granted: number };

export type CreditEntry = {
  id: number;
  kind: CreditEntryKind;
  amount: number;
  reason: string | null;
  analysisId: string | null;
  documentName: string | null;
  createdAt: string;
};

export type CreditsResponse = { balance: CreditBalance; entries: CreditEntry[] };

export type AdminAnalysis = AnalysisView & { userEmail: string; durationMs: number | null };

export type AdminAnalysesResponse = {
  items: AdminAnalysis[];
  total: number;
  page: number;
  pageSize: number;
};

export const ANALYSIS_STATUSES: readonly AnalysisStatus[] = [
  "quoted",
  "queued",
  "running",
  "succeeded",
  "failed",
  "cancelled",
  "expired",
];
