/**
 * Which text runs of a rendered PDF page carry a citation's quote. pdf.js splits a page into runs
 * (often one per line, sometimes mid-word) whose spacing differs from the extracted text the quote
 * came from, so both sides are compared without whitespace, case-insensitively, with typographic
 * quotes and dashes made plain. A quote not found whole (it runs onto the next page, or the model
 * shortened it) falls back to its first 40 characters. Returns the runs' indexes, in order.
 */
export function spansCoveringQuote(runs: readonly string[], quote: string): number[] {
  const target = [...quote].map(plainChar).join("");
  if (target.length === 0) return [];
  let text = "";
  const owner: number[] = [];
  runs.forEach((run, index) => {
    for (const ch of run) {
      const plain = plainChar(ch);
      text += plain;
      for (let i = 0; i < plain.length; i++) owner.push(index);
    }
  });
  let start = text.indexOf(target);
  let length = target.length;
  if (start < 0) {
    const prefix = target.slice(0, 40);
    if (prefix.length < 12) return [];
    start = text.indexOf(prefix);
    length = prefix.length;
    if (start < 0) return [];
  }
  return [...new Set(owner.slice(start, start + length))];
}

const PLAIN: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u00ad": "",
};

function plainChar(ch: string): string {
  if (/\s/.test(ch)) return "";
  return (PLAIN[ch] ?? ch).normalize("NFKC").toLowerCase();
}
