import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { getResolvedPDFJS } from "unpdf";
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from "unpdf/pdfjs";
import { DocumentError } from "@/lib/errors";
import {
  type CollectedPageText,
  collectPageText,
  type TextContentChunk,
} from "./collect-page-text";
import { countWords } from "./count-words";
import { normalizePageText } from "./normalize-page-text";
import { textTooLargeError } from "./text-too-large-error";
import type { ExtractedText, ExtractLimits, TextUnit } from "./types";

/** pdf.js error classes cross its (in-process) worker boundary by name, not by identity. */
function isPdfjsError(error: unknown, name: string): boolean {
  return typeof error === "object" && error !== null && "name" in error && error.name === name;
}

function corrupt(detail?: string): DocumentError {
  const why = detail ? ` (${detail})` : "";
  return new DocumentError(
    "corrupt",
    `This PDF is damaged or incomplete and cannot be read${why}. Re-export or re-download it and upload it again.`,
  );
}

/** A PDF that is all scans where scans are not read (no OCR here, or a caller that does not). */
export function scannedPdfError(): DocumentError {
  return new DocumentError(
    "no_text",
    "This PDF has no text layer (it looks scanned), and reading scanned pages is turned off on this server. Upload a PDF with selectable text, or ask your administrator to turn on OCR.",
  );
}

type GetDocument = Awaited<ReturnType<typeof getResolvedPDFJS>>["getDocument"];

function openPdf(bytes: Uint8Array, getDocument: GetDocument): PDFDocumentLoadingTask {
  return getDocument({
    // pdf.js takes ownership of the buffer and detaches it; give it a copy so callers can still
    // hash or store their bytes afterwards.
    data: bytes.slice(),
    // Same hardening as unpdf's getDocumentProxy, plus silence: pdf.js warns on stderr about
    // every font quirk in real-world PDFs.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
}

async function loadPdf(task: PDFDocumentLoadingTask): Promise<PDFDocumentProxy> {
  try {
    return await task.promise;
  } catch (error) {
    if (isPdfjsError(error, "PasswordException")) {
      throw new DocumentError(
        "encrypted",
        "This PDF is password-protected. Remove the password and upload it again.",
      );
    }
    throw corrupt();
  }
}

/**
 * Text items one page may hold. A dense real page has a few thousand; a page built from millions
 * of one-glyph operators is an attack on the extractor, not a contract.
 */
export const MAX_TEXT_ITEMS_PER_PAGE = 200_000;

function tooManyTextItems(pageNumber: number): DocumentError {
  return new DocumentError(
    "too_complex",
    `This PDF is too complex to read: page ${pageNumber} is built from more than ${MAX_TEXT_ITEMS_PER_PAGE.toLocaleString("en-US")} separate pieces of text. Re-export it (for example "Print to PDF") and upload it again. Nothing was charged.`,
  );
}

/**
 * Below this many non-space characters a page has no usable text layer: a scan carries none, or
 * a stray page number or Bates stamp laid over the image.
 */
const MIN_TEXT_LAYER_CHARS = 20;

/**
 * One page's text, read chunk by chunk so the limits apply while pdf.js parses the page rather
 * than after. `remainingChars` is what the document may still hold; raw text is whitespace-heavy
 * before normalization, so the stream is cut at twice that and the exact check follows.
 */
async function readPageText(
  pdf: PDFDocumentProxy,
  pageNumber: number,
  remainingChars: number,
  maxChars: number,
): Promise<string> {
  let collected: CollectedPageText;
  try {
    const page = await pdf.getPage(pageNumber);
    try {
      const reader = page
        .streamTextContent()
        .getReader() as ReadableStreamDefaultReader<TextContentChunk>;
      collected = await collectPageText(reader, {
        maxChars: remainingChars * 2 + 1_000,
        maxItems: MAX_TEXT_ITEMS_PER_PAGE,
      });
    } finally {
      page.cleanup();
    }
  } catch {
    throw corrupt(`page ${pageNumber} cannot be read`);
  }
  if (!collected.ok) {
    throw collected.over === "items" ? tooManyTextItems(pageNumber) : textTooLargeError(maxChars);
  }
  return normalizePageText(collected.text);
}

/**
 * PDF via pdf.js (bundled by unpdf): one unit per page, including empty ones, so unit index is
 * always the page number. Pages are read one at a time with a yield in between, because pdf.js
 * runs in this thread and a long document must not starve other work (or miss a cancel).
 */
export async function extractPdfText(
  bytes: Uint8Array,
  limits: ExtractLimits,
): Promise<ExtractedText> {
  const { getDocument } = await getResolvedPDFJS();
  const task = openPdf(bytes, getDocument);
  let pdf: PDFDocumentProxy | undefined;
  try {
    pdf = await loadPdf(task);
    const pageCount = pdf.numPages;
    if (!Number.isInteger(pageCount) || pageCount < 1) throw corrupt("it has no pages");
    // numPages is the page tree's declared /Count: checking it first means a PDF claiming
    // 100,000 pages is refused in milliseconds instead of being walked.
    if (pageCount > limits.maxPages) {
      throw new DocumentError(
        "too_many_pages",
        `This PDF has ${pageCount.toLocaleString("en-US")} pages; the limit is ${limits.maxPages.toLocaleString("en-US")}. Split it into smaller documents and upload them separately.`,
      );
    }

    const first = Math.max(1, limits.pages?.first ?? 1);
    const last = Math.min(pageCount, limits.pages?.last ?? pageCount);
    const wholeDocument = first === 1 && last === pageCount;
    const units: TextUnit[] = [];
    const textlessPages: number[] = [];
    let charCount = 0;
    let wordCount = 0;
    for (let pageNumber = first; pageNumber <= last; pageNumber++) {
      await yieldToEventLoop();
      limits.signal?.throwIfAborted();
      const text = await readPageText(
        pdf,
        pageNumber,
        limits.maxChars - charCount,
        limits.maxChars,
      );
      if (text.replace(/\s/g, "").length < MIN_TEXT_LAYER_CHARS) textlessPages.push(pageNumber);
      charCount += text.length;
      if (charCount > limits.maxChars) throw textTooLargeError(limits.maxChars);
      wordCount += countWords(text);
      units.push({ index: pageNumber, text });
    }

    // A chunk of blank pages is fine; only a whole document without text is unreadable, unless
    // the caller reads scans (OCR) and decides which of its pages are scans.
    if (wordCount === 0 && wholeDocument && !limits.allowScanned) throw scannedPdfError();
    return {
      kind: "pdf",
      unitLabel: "page",
      units,
      pageCount,
      wordCount,
      charCount,
      textlessPages,
    };
  } finally {
    // Destroying the document (or, if it never loaded, its loading task) frees pdf.js's
    // in-process worker state and the copy of the bytes it holds.
    await (pdf ? pdf.destroy() : task.destroy());
  }
}
