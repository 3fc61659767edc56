/** Evidence quotes are spans of this form of a unit's text, so consumers can match them. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
