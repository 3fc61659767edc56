import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ocrLimits } from "./ocr-limits";
import { recognizePdfPage } from "./recognize-pdf-page";
import type { OcrLimits, OcrPageText } from "./types";

/**
 * Recognises `pageNumbers` (1-based) of the PDF at `pdfPath` one after another, each page in its
 * own bounded child processes (recognizePdfPage), and returns them in the order asked. Rendered
 * images live in a private temporary directory, removed afterwards whatever happens.
 *
 * `onPage(done, total, page)` is awaited after each page (progress, and a caller that saves each
 * page as it comes keeps it even if a later page fails or is cancelled). An abort stops the running child
 * and throws the signal's reason; it is also checked between pages. A page that cannot be read
 * throws an OcrPageError naming it (lib/errors.ts).
 */
export async function recognizePdfPages(
  pdfPath: string,
  pageNumbers: readonly number[],
  options: {
    limits?: Partial<OcrLimits>;
    signal?: AbortSignal;
    onPage?: (done: number, total: number, page: OcrPageText) => void | Promise<void>;
  } = {},
): Promise<OcrPageText[]> {
  const { signal, onPage } = options;
  signal?.throwIfAborted();
  for (const pageNumber of pageNumbers) {
    if (!Number.isInteger(pageNumber) || pageNumber < 1) {
      throw new RangeError(`page numbers are whole numbers from 1 (got ${pageNumber})`);
    }
  }
  const limits = ocrLimits(options.limits);
  const workDir = await mkdtemp(path.join(os.tmpdir(), "clauseflow-ocr-"));
  try {
    const pages: OcrPageText[] = [];
    for (const pageNumber of pageNumbers) {
      signal?.throwIfAborted();
      const page = await recognizePdfPage(pdfPath, pageNumber, limits, workDir, signal);
      pages.push(page);
      await onPage?.(pages.length, pageNumbers.length, page);
    }
    return pages;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
