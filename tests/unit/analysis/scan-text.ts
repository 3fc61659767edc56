import { getDocumentIndex } from "@/lib/analysis/text/document-index";
import type { ScanContext } from "@/lib/analysis/text/scan-context";
import { toExtractedText } from "./load-contract";

/** A scan context over plain text (paragraphs split on blank lines), for extractor tests. */
export function scanText(text: string): ScanContext {
  return { index: getDocumentIndex(toExtractedText(text)), signal: undefined };
}
