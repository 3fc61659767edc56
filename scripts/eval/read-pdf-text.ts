import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ExtractedText } from "@/lib/analysis/types";
import { extractDocumentText } from "@/lib/documents/extract-document-text";

/** Where `--text-cache` keeps extracted texts (and `--scanned` its scans and OCR pages). */
export const EVAL_CACHE_DIR = path.resolve("node_modules/.cache/clauseflow-eval-text");

/**
 * A PDF's extracted text. With `useCache`, the text is kept under node_modules/.cache keyed by
 * the PDF's hash, for quick reruns while developing rules.
 */
export async function readPdfText(file: string, useCache: boolean): Promise<ExtractedText> {
  const bytes = new Uint8Array(readFileSync(file));
  if (!useCache) return extractDocumentText(bytes, "pdf");
  const cached = path.join(
    EVAL_CACHE_DIR,
    `${createHash("sha256").update(bytes).digest("hex")}.json`,
  );
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, "utf8")) as ExtractedText;
  const text = await extractDocumentText(bytes, "pdf");
  mkdirSync(EVAL_CACHE_DIR, { recursive: true });
  writeFileSync(cached, JSON.stringify(text));
  return text;
}
