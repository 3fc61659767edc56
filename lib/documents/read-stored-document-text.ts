import { env } from "@/lib/env";
import { countWords } from "./count-words";
import { extractDocumentTextInPool } from "./extract-document-text-in-pool";
import { readScannedPages } from "./read-scanned-pages";
import type { ExtractedText, PageRange } from "./types";

export type DocumentToRead = {
  id: string;
  kind: ExtractedText["kind"];
  bytes: Uint8Array;
  scannedPages: readonly number[];
};

/**
 * The text the worker analyses: the text layer (in the reader pool), with every scanned page of
 * the range replaced by its OCR text. Page numbers stay the PDF's, so findings on a scan cite its
 * page like any other. `onScannedPage(done, total)` reports OCR progress by pages.
 */
export async function readStoredDocumentText(
  doc: DocumentToRead,
  options: {
    signal: AbortSignal;
    pages?: PageRange;
    onScannedPage?: (done: number, total: number) => void | Promise<void>;
  },
): Promise<ExtractedText> {
  const scans = doc.kind === "pdf" ? doc.scannedPages : [];
  const text = await extractDocumentTextInPool(doc.bytes, doc.kind, {
    signal: options.signal,
    maxPages: env.MAX_PAGES,
    maxChars: env.MAX_TEXT_CHARS,
    pages: options.pages,
    allowScanned: scans.length > 0,
  });
  const { first, last } = options.pages ?? { first: 1, last: text.pageCount };
  const wanted = scans.filter((page) => page >= first && page <= last);
  if (wanted.length === 0) return text;

  const recognised = await readScannedPages(doc, wanted, {
    signal: options.signal,
    onPage: options.onScannedPage,
  });
  const ocrText = new Map(recognised.map((page) => [page.pageNumber, page.text]));
  const units = text.units.map((unit) => {
    const replacement = ocrText.get(unit.index);
    return replacement === undefined ? unit : { ...unit, text: replacement };
  });
  return {
    ...text,
    units,
    wordCount: units.reduce((sum, unit) => sum + countWords(unit.text), 0),
    charCount: units.reduce((sum, unit) => sum + unit.text.length, 0),
  };
}
