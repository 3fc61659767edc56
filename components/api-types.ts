import type { AdminActionView } from "@/lib/audit/list-admin-actions";

/** Shapes of the JSON API as the browser sees them (see the route handlers under app/api). */

import type { AnalysisStatus } from "@/lib/analyses/analysis-status";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import type { CancelAnswer } from "@/lib/analyses/cancel-analysis";
import type { AdminAnalysisRow } from "@/lib/analyses/list-admin-analyses";
import type { AnalysisFacets } from "@/lib/analyses/list-analysis-facets";
import type { AnalysisSearchPage } from "@/lib/analyses/search-analyses";
import type { AdminUserRow } from "@/lib/auth/list-users";
import type { BatchFileView, BatchSummary, BatchView } from "@/lib/batches/batch-view";
import type { LedgerViolation as LedgerViolationRow } from "@/lib/billing/check-ledger";
import type { CreditBalanceView, CreditEntryView } from "@/lib/billing/get-credit-summary";
import type { Page } from "@/lib/db/page";
import type { OcrWordRow } from "@/lib/db/schema/documents";
import type { DocumentUnit } from "@/lib/documents/read-document-unit";
import type { StoredDocument, UploadQuote } from "@/lib/documents/store-uploaded-document";
import type { PortfolioRow } from "@/lib/portfolio/portfolio-row";
import type { FlaggedPurchase } from "@/lib/purchases/list-flagged-purchases";

export type { AnalysisStatus, AnalysisView };

export type UploadedDocument = StoredDocument;
export type Quote = UploadQuote;

/** `GET /api/documents/:id/units/:unit`: one page or paragraph, and a scan's OCR words. */
export type DocumentUnitView = DocumentUnit;
export type OcrWordView = OcrWordRow;

export type UploadResponse = { document: UploadedDocument; quote: Quote };

export type AnalysesListResponse = AnalysisSearchPage & { facets: AnalysisFacets };

export type PortfolioResponse = { rows: PortfolioRow[]; today: string; facets: AnalysisFacets };

export type AnalysisResponse = { analysis: AnalysisView };

export type { CancelAnswer };
export type CancelResponse = { analysis: AnalysisView; cancel: CancelAnswer };

export type { BatchFileView, BatchSummary, BatchView };
/** `POST /api/batches`, `GET /api/batches/:id`, `POST /api/batches/:id/confirm` (with `duplicate`). */
export type BatchResponse = { batch: BatchView; duplicate?: boolean };
export type BatchesListResponse = { batches: BatchSummary[] };

export type CreditEntryKind = CreditEntryView["kind"];
export type CreditBalance = CreditBalanceView;
export type CreditEntry = CreditEntryView;

export type CreditPack = { id: string; credits: number; amount: number; currency: string };
/** Whether "Buy credits" is offered (Stripe configured), the packs, and whom to ask otherwise. */
export type PurchaseOptions = { enabled: boolean; packs: CreditPack[]; contact: string };
export type CreditsResponse = {
  balance: CreditBalance;
  entries: CreditEntry[];
  /** Only in the user's own `/api/me/credits`. */
  purchases?: PurchaseOptions;
};

export type AdminAnalysis = AdminAnalysisRow;

export type AdminAnalysesResponse = Page<AdminAnalysis>;

export type AdminUser = AdminUserRow;

export type AdminUsersResponse = Page<AdminUser>;

/** `GET /api/admin/users/:id/credits`: the same shape as the signed-in user's `/api/me/credits`. */
export type AdminUserCreditsResponse = CreditsResponse & { flaggedPurchases: FlaggedPurchase[] };

export type CreditChangeKind = "grant" | "adjust";
export type CreditChangeDirection = "credit" | "debit";

/** Body of `POST /api/admin/users/:id/credits` (the idempotency key travels as a header). */
export type CreditChangeRequest = {
  kind: CreditChangeKind;
  amount: number;
  direction: CreditChangeDirection;
  reason: string;
};

/** 201 when applied, 200 when the idempotency key was seen before (`applied: false`). */
export type CreditChangeResponse = { applied: boolean; entryId: number; balance: CreditBalance };

export type LedgerViolation = LedgerViolationRow;

export type LedgerCheckResponse = {
  users: number;
  entries: number;
  violations: LedgerViolation[];
  ok: boolean;
  summary: string;
  flaggedPurchases: FlaggedPurchase[];
};

export type { AdminAnalysisDetail, AnalysisEventView } from "@/lib/analyses/get-admin-analysis";
export type { QueueHealth, WindowStats, WorkerView } from "@/lib/analyses/get-queue-health";
export type { FlaggedPurchase } from "@/lib/purchases/list-flagged-purchases";
export type { AdminActionView };
export type AdminAuditResponse = Page<AdminActionView>;
