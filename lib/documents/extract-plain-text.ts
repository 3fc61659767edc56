import { DocumentError } from "@/lib/errors";
import { countWords } from "./count-words";
import { decodeText } from "./decode-text";
import { estimatePageCount } from "./estimate-page-count";
import { splitParagraphs } from "./split-paragraphs";
import { textTooLargeError } from "./text-too-large-error";
import type { ExtractedText, ExtractLimits, TextUnit } from "./types";

/** Plain text and Markdown: one unit per blank-line-separated paragraph. */
export function extractPlainText(bytes: Uint8Array, limits: ExtractLimits): ExtractedText {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    throw new DocumentError(
      "corrupt",
      decoded.reason === "not_utf8"
        ? "This text file is not UTF-8 encoded. Save it with UTF-8 encoding and upload it again."
        : "This file is not readable as plain text.",
    );
  }
  // Checked before splitting so an oversized file costs one pass, not several copies.
  if (decoded.text.length > limits.maxChars) throw textTooLargeError(limits.maxChars);

  const units: TextUnit[] = splitParagraphs(decoded.text).map((text, i) => ({
    index: i + 1,
    text,
  }));
  const wordCount = units.reduce((sum, unit) => sum + countWords(unit.text), 0);
  if (wordCount === 0) {
    throw new DocumentError(
      "no_text",
      "This text file has no words in it. Check that you picked the right file.",
    );
  }
  return {
    kind: "text",
    unitLabel: "paragraph",
    units,
    pageCount: estimatePageCount(wordCount),
    wordCount,
    charCount: units.reduce((sum, unit) => sum + unit.text.length, 0),
  };
}
