import { levenshteinDistance } from "./levenshtein-distance";

/** Runs of whitespace become one space: layout (line breaks, blank lines) is not an OCR error. */
function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * One page's OCR errors against its text layer: the edit distance between the two texts (spaces
 * normalized) and the length of the reference. CER over many pages is Σ edits / Σ characters.
 */
export function countCharacterErrors(
  reference: string,
  recognised: string,
): { edits: number; characters: number } {
  const expected = normalizeWhitespace(reference);
  return {
    edits: levenshteinDistance(expected, normalizeWhitespace(recognised)),
    characters: expected.length,
  };
}
