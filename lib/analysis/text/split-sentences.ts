export type SentenceSpan = { start: number; end: number };

// Periods after these tokens rarely end a sentence in contracts ("Corio Inc., a Delaware…").
const ABBREVIATIONS = new Set([
  "inc",
  "ltd",
  "co",
  "corp",
  "no",
  "nos",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "jr",
  "sr",
  "vs",
  "v",
  "etc",
  "art",
  "sec",
  "para",
  "approx",
  "ave",
  "blvd",
  "rd",
  "ste",
  "fig",
  "cf",
  "dept",
  "u.s",
  "e.g",
  "i.e",
  "b.v",
  "n.v",
  "l.p",
  "s.a",
  "p.o",
  "a.m",
  "p.m",
  "s.r.l",
  "l.l.c",
  "pty",
  "plc",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
]);

// A terminator, optional closing quotes/brackets, whitespace, then something that can start a
// sentence: a capital, a digit, or a lettered item ("… in perpetuity. (b) Either Party …").
// Other lowercase continuations ("Inc. and its affiliates") never split.
const BOUNDARY = /[.!?]["'”’)\]]*\s+(?=["“'([]?[A-Z0-9]|\((?:[a-z]|[ivx]{1,4})\)\s)/g;

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 24), dotIndex);
  const token = /([A-Za-z.]+)$/.exec(before)?.[1];
  if (!token) return false;
  if (/^[A-Z]$/.test(token)) return true; // an initial: "G. B. Plus Ltd."
  return ABBREVIATIONS.has(token.toLowerCase());
}

/** Splits whitespace-collapsed text into sentence spans (offsets into `text`). */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const dot = match.index;
    if (text[dot] === "." && endsWithAbbreviation(text, dot)) continue;
    const end = dot + match[0].trimEnd().length;
    if (end > start) spans.push({ start, end });
    start = dot + match[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}
