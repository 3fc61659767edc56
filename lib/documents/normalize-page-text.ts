/** Horizontal whitespace of every kind (tabs, NBSP, thin spaces…), but not line breaks. */
const HORIZONTAL_SPACE = /[^\S\n]+/g;
/** Control characters other than line feed; broken PDF fonts emit these instead of text. */
const CONTROL_EXCEPT_LF = /[^\P{Cc}\n]/gu;

/**
 * Cleans one PDF page's text: unifies line endings, collapses runs of spaces, trims each line
 * and keeps at most one blank line in a row. Line breaks are kept because clause numbering and
 * headings depend on them.
 */
export function normalizePageText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL_EXCEPT_LF, " ")
    .replace(HORIZONTAL_SPACE, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
