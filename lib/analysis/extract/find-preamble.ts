import type { ScanContext } from "../text/scan-context";

export type Region = { start: number; end: number };

// Where a preamble names the parties. "B E T W E E N:" is how some scanned filings come out.
const ANCHOR =
  /\bby\s+and\s+(?:between|among)\b|\bB\s?E\s?T\s?W\s?E\s?E\s?N\s*:|\b(?:between|among)\b|\bentered\s+into\s+by\b/gi;
// The preamble ends where the recitals or operative text start.
// A closing "collectively … the "Parties"" clause also ends it, as does a first numbered section.
const PREAMBLE_END =
  /\b(?:whereas|w\s?i\s?t\s?n\s?e\s?s\s?s\s?e\s?t\s?h|witnesses\s+that|recitals?|background|now,?\s+therefore|in\s+consideration\s+of|it\s+is\s+(?:hereby\s+)?agreed)\b|\bagree\s+as\s+follows\b|\b(?:individually|collectively)\b[^.()]{0,80}["“]part(?:y|ies)[,.]?["”]|(?:^|\s)(?:1|I|ARTICLE\s+(?:1|I))\.\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?\s*[:.]/i;
const PARTY_ALIAS = /\(\s*(?:the\s+|hereinafter\s+)?[^()]{0,40}?["“”][^"“”()]{1,60}["“”]/;

const LOOK_BEHIND = 400;
const MAX_LENGTH = 2500;
// The preamble sits near the top, after at most a cover page and table of contents.
const SEARCH_FRACTION = 0.3;
const MIN_SEARCH = 30_000;

function regionFrom(flat: string, start: number, anchorEnd: number): Region {
  const tail = flat.slice(anchorEnd, anchorEnd + MAX_LENGTH);
  const stop = PREAMBLE_END.exec(tail);
  return { start, end: anchorEnd + (stop ? stop.index : tail.length) };
}

/**
 * Candidate preamble regions in `flat`, best first: a region that defines party aliases beats
 * a cover-page "by and between X and Y" line.
 */
export function findPreambleCandidates(ctx: ScanContext): Region[] {
  const { flat } = ctx.index;
  const limit = Math.max(MIN_SEARCH, Math.floor(flat.length * SEARCH_FRACTION));
  const head = flat.slice(0, limit);
  const withAliases: Region[] = [];
  const without: Region[] = [];
  for (const m of head.matchAll(ANCHOR)) {
    ctx.signal?.throwIfAborted();
    const region = regionFrom(flat, Math.max(0, m.index - LOOK_BEHIND), m.index + m[0].length);
    const body = flat.slice(m.index, region.end);
    (PARTY_ALIAS.test(body) ? withAliases : without).push(region);
    if (withAliases.length >= 3) break;
  }
  // Preambles without "between" ("…under which A (“X”) authorizes B (“Y”)…"): the first
  // early sentence that mentions the agreement and defines an alias.
  for (const sentence of ctx.index.sentences.slice(0, 60)) {
    if (/agreement|contract/i.test(sentence.text) && PARTY_ALIAS.test(sentence.text)) {
      withAliases.push(regionFrom(flat, sentence.start, sentence.start));
      break;
    }
  }
  withAliases.sort((a, b) => a.start - b.start);
  return [...withAliases, ...without];
}
