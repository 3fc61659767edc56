/** In print a citation must not wrap between its sign and its number ("¶" / "173"). */
export function withNoBreakSpaces(text: string): string {
  return text.replace(/ /g, "\u00a0");
}
