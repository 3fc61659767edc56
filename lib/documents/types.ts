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
};

export type ExtractOptions = {
  signal?: AbortSignal;
  maxPages?: number;
  maxChars?: number;
};

/** Options after defaults from env are applied; what the per-format extractors receive. */
export type ExtractLimits = {
  signal: AbortSignal | undefined;
  maxPages: number;
  maxChars: number;
};

export type SniffedDocumentType = { kind: DocumentKind; mimeType: string };
