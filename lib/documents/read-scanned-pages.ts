import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { documentOcrPages } from "@/lib/db/schema";
import { recognizePdfPages } from "@/lib/ocr/recognize-pdf-pages";
import type { OcrPageText } from "@/lib/ocr/types";

export type ScannedPageText = { pageNumber: number; text: string };

/**
 * The OCR text of some scanned pages of a stored PDF. Pages read before (an earlier attempt, a
 * chunk claimed again, a rerun of the same document) come from `document_ocr_pages`; the rest are
 * recognised now — in bounded child processes (`recognizePdfPages`), cancellable between pages —
 * and each is saved with its word boxes (for the page view) as soon as it is read: a retry after a
 * failed or cancelled page does not pay for the pages before it again, and the saved pages are the
 * document-wide count of scans read that a chunked analysis shows (get-analysis.ts).
 * `onPage(done, total)` counts both kinds.
 */
export async function readScannedPages(
  doc: { id: string; bytes: Uint8Array },
  pageNumbers: readonly number[],
  options: {
    signal?: AbortSignal;
    onPage?: (done: number, total: number) => void | Promise<void>;
  } = {},
): Promise<ScannedPageText[]> {
  if (pageNumbers.length === 0) return [];
  const saved = await db
    .select({ pageNumber: documentOcrPages.pageNumber, text: documentOcrPages.text })
    .from(documentOcrPages)
    .where(
      and(
        eq(documentOcrPages.documentId, doc.id),
        inArray(documentOcrPages.pageNumber, [...pageNumbers]),
      ),
    );
  const known = new Set(saved.map((page) => page.pageNumber));
  const missing = pageNumbers.filter((page) => !known.has(page));
  if (missing.length === 0) return saved;

  const total = pageNumbers.length;
  await options.onPage?.(saved.length, total);
  // The child processes read a file: the bytes go to a private temporary folder, removed after.
  const folder = await mkdtemp(path.join(tmpdir(), "clauseflow-ocr-"));
  try {
    const pdfPath = path.join(folder, "document.pdf");
    await writeFile(pdfPath, doc.bytes, { mode: 0o600 });
    const recognised = await recognizePdfPages(pdfPath, missing, {
      signal: options.signal,
      onPage: async (done, _total, page) => {
        await saveOcrPage(doc.id, page);
        await options.onPage?.(saved.length + done, total);
      },
    });
    return [...saved, ...recognised.map(({ pageNumber, text }) => ({ pageNumber, text }))];
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function saveOcrPage(documentId: string, page: OcrPageText): Promise<void> {
  await db
    .insert(documentOcrPages)
    .values({
      documentId,
      pageNumber: page.pageNumber,
      text: page.text,
      words: page.words,
      meanConfidence: page.meanConfidence,
    })
    // Two chunks overlapping on a page may both read it: the first one saved stands.
    .onConflictDoNothing();
}
