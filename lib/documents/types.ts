import type { DocumentKind } from "@/lib/db/schema/documents";

export type TextUnit = {
  /** 1-based page (PDF) or paragraph (DOCX/text) number. */
  index: number;
  text: string;
};

export type ExtractedText = {
  kind: DocumentKind;
  unitLabel: "page" | "paragraph";
  units: TextUnit[];
  pageCount: number;
  wordCount: number;
  charCount: number;
  /** PDF only: pages (of those read) with no usable text layer: blank, or scans that need OCR
   *  (`findPagesWithImages` tells which). Their units hold what little text there is. */
  textlessPages?: number[];
};

/** A 1-based, inclusive page range. */
export type PageRange = { first: number; last: number };

export type ExtractOptions = {
  signal?: AbortSignal;
  maxPages?: number;
  maxChars?: number;
  /** PDF only: read just these pages (one chunk of a chunked analysis). Units keep their page
   *  numbers; `pageCount` stays the document's. */
  pages?: PageRange;
  /** PDF only: a document without any text is returned (with `textlessPages`) instead of refused
   *  as unreadable; the caller finds its scans and OCRs them. */
  allowScanned?: boolean;
};

/** Options after defaults from env are applied; what the per-format extractors receive. */
export type ExtractLimits = {
  signal: AbortSignal | undefined;
  maxPages: number;
  maxChars: number;
  pages: PageRange | undefined;
  allowScanned: boolean;
};

export type SniffedDocumentType = { kind: DocumentKind; mimeType: string };
