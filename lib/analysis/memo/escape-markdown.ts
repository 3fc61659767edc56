// Contract text and file names are untrusted: they must render as text, never as Markdown
// syntax (links, emphasis, HTML, headings) and never break the table they sit in.

const INLINE_SPECIALS = /[\\`*_[\]<>|~&@]/g;
// GFM turns bare URLs into links; an escaped ":" or "." keeps them as text.
const AUTOLINK_SCHEME = /\b(https?|ftp):/gi;
const AUTOLINK_WWW = /\bwww\./gi;
// Characters that only mean something at the start of a line: headings, quotes, list markers.
const LINE_START_MARK = /^([#>+=-])/;
const LINE_START_NUMBER = /^(\d+)([.)])/;

/** Text safe to place inline in a paragraph, list item or heading. */
export function escapeInline(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine
    .replace(INLINE_SPECIALS, "\\$&")
    .replace(AUTOLINK_SCHEME, "$1\\:")
    .replace(AUTOLINK_WWW, "www\\.")
    .replace(LINE_START_MARK, "\\$1")
    .replace(LINE_START_NUMBER, "$1\\$2");
}

/** Text safe inside a GFM table cell: inline-escaped, so pipes are `\|` and there are no newlines. */
export function escapeTableCell(text: string): string {
  const escaped = escapeInline(text);
  return escaped === "" ? " " : escaped;
}
