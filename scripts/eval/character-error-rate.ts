import { collapseWhitespace } from "@/lib/analysis/text/collapse-whitespace";
import { levenshteinDistance } from "./levenshtein-distance";

/**
 * One page's OCR errors against its text layer: the edit distance between the two texts (runs of
 * whitespace collapsed: layout, such as line breaks and blank lines, is not an OCR error) and the
 * length of the reference. CER over many pages is Σ edits / Σ characters.
 */
export function countCharacterErrors(
  reference: string,
  recognised: string,
): { edits: number; characters: number } {
  const expected = collapseWhitespace(reference);
  return {
    edits: levenshteinDistance(expected, collapseWhitespace(recognised)),
    characters: expected.length,
  };
}
