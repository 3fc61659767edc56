const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const TOKEN = /\S+/g;

/**
 * Words are whitespace-separated tokens with at least one letter or digit, so bullets, dashes and
 * leader dots ("........") in contracts do not inflate the count we bill on.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (WORD_CHARACTER.test(match[0])) count++;
  }
  return count;
}
