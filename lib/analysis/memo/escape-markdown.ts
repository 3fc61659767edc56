// Contract text and file names are untrusted: they must render as text, never as Markdown
// syntax (links, emphasis, HTML, headings) and never break the table they sit in.

const INLINE_SPECIALS = /[\\`*_[\]<>|~&@]/g;
// GFM turns bare URLs into links; an escaped ":" or "." keeps them as text.
const AUTOLINK_SCHEME = /\b(https?|ftp):/gi;
const AUTOLINK_WWW = /\bwww\./gi;
// Characters that only mean something at the start of a line: headings, quotes, list markers.
const LINE_START_MARK = /^([#>+=-])/;
const LINE_START_NUMBER = /^(\d+)([.)])/;

/**
 * Text safe in the middle of a line: spaces kept as they are (runs of text are joined), so a
 * caller that starts a line with it must also apply `escapeLineStart`.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(INLINE_SPECIALS, "\\$&")
    .replace(AUTOLINK_SCHEME, "$1\\:")
    .replace(AUTOLINK_WWW, "www\\.");
}

/** Escapes a marker that would turn the start of a line into a heading, quote or list. */
export function escapeLineStart(line: string): string {
  return line.replace(LINE_START_MARK, "\\$1").replace(LINE_START_NUMBER, "$1\\$2");
}

/** Text safe to place inline in a paragraph, list item or heading. */
export function escapeInline(text: string): string {
  return escapeLineStart(escapeText(text.replace(/\s+/g, " ").trim()));
}

/** Text safe inside a GFM table cell: inline-escaped, so pipes are `\|` and there are no newlines. */
export function escapeTableCell(text: string): string {
  const escaped = escapeInline(text);
  return escaped === "" ? " " : escaped;
}
