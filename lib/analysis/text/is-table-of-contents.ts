// A contents line: a heading run into dot leaders and a page number ("EXCLUSIVE
// RELATIONSHIP.......60"). It names a section; it grants nothing and is no finding's evidence.
const DOT_LEADERS = /(?:\.\s?){5,}\s*\d/;

export function isTableOfContents(sentence: string): boolean {
  return DOT_LEADERS.test(sentence);
}
