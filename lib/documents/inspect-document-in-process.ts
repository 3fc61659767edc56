import { createHash } from "node:crypto";
import type { DocumentKind } from "@/lib/db/schema/documents";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { extractDocumentText } from "./extract-document-text";
import { scannedPdfError } from "./extract-pdf-text";
import { scoreContractLikeness } from "./score-contract-likeness";
import { sniffDocumentType } from "./sniff-document-type";

export type DocumentInspection = {
  kind: DocumentKind;
  mimeType: string;
  pageCount: number;
  wordCount: number;
  /** Lowercase hex SHA-256 of the exact bytes uploaded. */
  sha256: string;
  /** False when the text does not read like a contract (`scoreContractLikeness`). */
  looksLikeContract: boolean;
  /** PDF pages that are scans (no usable text layer, an image): read by OCR, priced as such. */
  scannedPages: number[];
};

/**
 * Everything the upload needs to know before storing a document: what it really is, that we
 * can read it (a full extraction, so bad files fail at upload rather than in the worker), and
 * the counts billing is based on. Runs in this thread with no deadline: the server calls it
 * through `inspectDocument`, in the reader pool; it is exported for the pool and benchmarks.
 */
export async function inspectDocumentInProcess(bytes: Uint8Array): Promise<DocumentInspection> {
  if (bytes.byteLength > env.MAX_UPLOAD_BYTES) {
    throw new AppError(
      "payload_too_large",
      `This file is larger than the ${Math.floor(env.MAX_UPLOAD_BYTES / 1024 / 1024)} MB upload limit.`,
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { kind, mimeType } = await sniffDocumentType(bytes);
  const text = await extractDocumentText(bytes, kind, { allowScanned: true });
  const { pageCount, wordCount, units } = text;
  // Imported on demand, like the LLM check below: every module loaded here stays in each reader
  // child's memory, whose cap is what stops a hostile document.
  const textless = text.textlessPages ?? [];
  const scannedPages =
    textless.length === 0
      ? []
      : await (await import("./find-pages-with-images")).findPagesWithImages(bytes, textless);
  // No text and no scan to read: blank pages (or vector drawings of text) are unreadable.
  if (kind === "pdf" && wordCount === 0 && scannedPages.length === 0) throw scannedPdfError();
  // The LLM engine reads at most MAX_PROMPT_CHARS per prompt: refuse now what it would refuse.
  // (Scans count without their OCR text; the LLM step itself refuses an overlong prompt.)
  if (env.ANALYSIS_PROVIDER === "openai") {
    const { assertPromptsFit } = await import("@/lib/jobs/assert-prompts-fit");
    assertPromptsFit(text, env.CHUNK_PAGES);
  }
  const { looksLikeContract } = scoreContractLikeness(units.map((unit) => unit.text).join("\n"));
  // Mostly scans: the text layer is too thin to judge, and OCR has not run yet.
  const mostlyScanned = scannedPages.length * 2 >= pageCount;
  return {
    kind,
    mimeType,
    pageCount,
    wordCount,
    sha256,
    looksLikeContract: looksLikeContract || mostlyScanned,
    scannedPages,
  };
}
