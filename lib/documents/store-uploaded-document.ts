import { sql } from "drizzle-orm";
import {
  type DuplicateOf,
  findEarlierAnalyses,
  type InProgressOf,
} from "@/lib/analyses/find-earlier-analyses";
import { recordEvent } from "@/lib/analyses/record-event";
import { assertUserEnabled, lockLiveUser } from "@/lib/auth/set-user-disabled";
import { getCreditBalance } from "@/lib/billing/get-credit-summary";
import { priceForDocument } from "@/lib/billing/price-document";
import { db } from "@/lib/db/client";
import { analyses, documents } from "@/lib/db/schema";
import { acceptScannedPages, type UnreadScans } from "@/lib/documents/accept-scanned-pages";
import { copyDocumentBytes } from "@/lib/documents/copy-document-bytes";
import { inspectDocument } from "@/lib/documents/inspect-document";
import { sanitizeFilename } from "@/lib/documents/sanitize-filename";
import { NOT_A_CONTRACT } from "@/lib/documents/score-contract-likeness";
import { env } from "@/lib/env";

export type UploadQuote = {
  analysisId: string;
  pages: number;
  words: number;
  priceCredits: number;
  /** Pages that are scans, read by OCR in the worker; each is billed as `ocrMultiplier` pages. */
  scannedPages: number;
  ocrMultiplier: number;
  /** Scanned pages that will not be read because OCR is off on this server (a mixed PDF is
   *  analysed from its text pages), with the sentence the quote shows; null otherwise. */
  unreadScans: UnreadScans | null;
  availableCredits: number;
  sufficient: boolean;
  /**
   * This user already has a memo of the same file (same sha256): open it for free instead.
   * Confirming anyway needs `{rerun: true}`.
   */
  duplicateOf: DuplicateOf | null;
  /** The same file is being analysed right now (queued or running); confirming needs `rerun`. */
  inProgress: InProgressOf | null;
  /** `not_a_contract`: confirming needs `{acknowledgeWarning: true}`. */
  warning: typeof NOT_A_CONTRACT | null;
};

export type StoredDocument = {
  id: string;
  filename: string;
  kind: "pdf" | "docx" | "text";
  sizeBytes: number;
  pageCount: number;
  wordCount: number;
  sha256: string;
  createdAt: string;
};

const QUOTE_VALIDITY = "7 days";

/**
 * Validates the bytes (type from the content, pages and words from a real extraction), stores the
 * document with its bytes in Postgres and opens a `quoted` analysis priced on the server.
 * A bad file throws before anything is written, so it costs nothing.
 */
export async function storeUploadedDocument(input: {
  userId: string;
  originalName: string;
  bytes: Uint8Array;
  /** The bulk upload this file came in (`lib/batches/create-batch.ts`). */
  batchId?: string;
}): Promise<{ document: StoredDocument; quote: UploadQuote }> {
  await assertUserEnabled(input.userId);
  const facts = await inspectDocument(input.bytes);
  const filename = sanitizeFilename(input.originalName);
  const { accepted: scannedPages, unread: unreadScans } = await acceptScannedPages(facts);
  const price = priceForDocument({ pageCount: facts.pageCount, scannedPages });
  const warning = facts.looksLikeContract ? null : NOT_A_CONTRACT;

  const { document, analysisId } = await db.transaction(async (tx) => {
    await lockLiveUser(tx, input.userId);
    const [document] = await tx
      .insert(documents)
      .values({
        userId: input.userId,
        filename,
        kind: facts.kind,
        mimeType: facts.mimeType,
        sizeBytes: input.bytes.byteLength,
        sha256: facts.sha256,
        pageCount: facts.pageCount,
        wordCount: facts.wordCount,
        scannedPages,
      })
      .returning();
    await copyDocumentBytes(tx, document!.id, input.bytes);
    const [analysis] = await tx
      .insert(analyses)
      .values({
        userId: input.userId,
        documentId: document!.id,
        batchId: input.batchId ?? null,
        priceCredits: price,
        quoteWarning: warning,
        quoteExpiresAt: sql`now() + ${QUOTE_VALIDITY}::interval`,
      })
      .returning({ id: analyses.id });
    await recordEvent(tx, {
      analysisId: analysis!.id,
      type: "quoted",
      data: {
        priceCredits: price,
        ...(scannedPages.length > 0 ? { scannedPages: scannedPages.length } : {}),
        ...(unreadScans ? { unreadScannedPages: unreadScans.pages } : {}),
        ...(warning ? { warning } : {}),
      },
    });
    return { document: document!, analysisId: analysis!.id };
  });

  const [balance, earlier] = await Promise.all([
    getCreditBalance(input.userId),
    findEarlierAnalyses(db, {
      userId: input.userId,
      sha256: facts.sha256,
      exceptDocumentId: document.id,
    }),
  ]);
  return {
    document: {
      id: document.id,
      filename: document.filename,
      kind: document.kind,
      sizeBytes: document.sizeBytes,
      pageCount: document.pageCount,
      wordCount: document.wordCount,
      sha256: document.sha256,
      createdAt: document.createdAt.toISOString(),
    },
    quote: {
      analysisId,
      pages: facts.pageCount,
      words: facts.wordCount,
      priceCredits: price,
      scannedPages: scannedPages.length,
      ocrMultiplier: env.OCR_PRICE_MULTIPLIER,
      unreadScans,
      availableCredits: balance.available,
      sufficient: balance.available >= price,
      duplicateOf: earlier.duplicateOf,
      inProgress: earlier.inProgress,
      warning,
    },
  };
}
