import type { DocumentKind } from "@/lib/db/schema/documents";
import { env } from "@/lib/env";
import { extractDocxText } from "./extract-docx-text";
import { extractPdfText } from "./extract-pdf-text";
import { extractPlainText } from "./extract-plain-text";
import type { ExtractedText, ExtractLimits, ExtractOptions } from "./types";

export type { ExtractedText, ExtractOptions, PageRange, TextUnit } from "./types";

/**
 * Extracts the text of a document whose kind is already known (from `sniffDocumentType`), in
 * units the analysis can cite: pages for PDF, paragraphs for DOCX and text. Throws DocumentError
 * with a user-facing message for anything we cannot read; aborts via `options.signal`.
 */
export async function extractDocumentText(
  bytes: Uint8Array,
  kind: DocumentKind,
  options: ExtractOptions = {},
): Promise<ExtractedText> {
  const limits: ExtractLimits = {
    signal: options.signal,
    maxPages: options.maxPages ?? env.MAX_PAGES,
    maxChars: options.maxChars ?? env.MAX_TEXT_CHARS,
    pages: options.pages,
    allowScanned: options.allowScanned ?? false,
  };
  limits.signal?.throwIfAborted();
  switch (kind) {
    case "pdf":
      return extractPdfText(bytes, limits);
    case "docx":
      return extractDocxText(bytes, limits);
    case "text":
      return extractPlainText(bytes, limits);
  }
}
