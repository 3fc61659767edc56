import type { DocumentKind } from "@/lib/db/schema/documents";
import { runInReaderPool } from "./reader-pool";
import type { ExtractedText, ExtractOptions } from "./types";

/**
 * `extractDocumentText` in the reader pool: same result and errors, but a deadline, a memory cap
 * and a kill on overrun. What the worker and the web use on stored documents, so a hostile file
 * that got stored (older limits, a bug) fails as a bad document instead of sinking the process.
 */
export function extractDocumentTextInPool(
  bytes: Uint8Array,
  kind: DocumentKind,
  options: ExtractOptions = {},
): Promise<ExtractedText> {
  const { signal, ...limits } = options;
  return runInReaderPool({ op: "extract", bytes, kind, options: limits }, { signal });
}
