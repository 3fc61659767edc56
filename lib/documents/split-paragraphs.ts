const BLANK_LINE = /\n[^\S\n]*\n\s*/;

/**
 * Splits text into paragraphs on blank lines (a line break inside a paragraph is kept), trimming
 * trailing spaces on each line and dropping paragraphs that are only whitespace.
 */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(BLANK_LINE)
    .map((paragraph) => paragraph.replace(/[^\S\n]+$/gm, "").trim())
    .filter((paragraph) => paragraph.length > 0);
}
