import type { ScanContext } from "../text/scan-context";

export type Region = { start: number; end: number };

// Where a preamble names the parties. "B E T W E E N:" is how some scanned filings come out.
// A deed or a one-sided preamble says who makes it: "is made on 3 March 2012 by X … in favour
// of Y", "is entered into by X".
const ANCHOR =
  /\bby\s+and\s+(?:between|among)\b|\bB\s?E\s?T\s?W\s?E\s?E\s?N\s*:|\b(?:between|among)\b|\b(?:made|entered\s+into|executed|given)\s+(?:(?:on|as\s+of|this|effective)\s+[^.;()"“]{0,40}?\s)?by\b(?!\s+and\b)/gi;
// English drafting lists the parties under a heading: "PARTIES (1) Acme Limited … (2) …".
const PARTIES_HEADING = /\b(?:PARTIES|Parties)\s*:?\s+(?=\(?(?:1|A|a|i)[.)]\s)/g;
// The preamble ends where the recitals or operative text start.
// A closing "collectively … the "Parties"" clause also ends it, as does a first numbered section.
const PREAMBLE_END =
  /\b(?:whereas|w\s?i\s?t\s?n\s?e\s?s\s?s\s?e\s?t\s?h|witnesses\s+that|recitals?|R\s?E\s?C\s?I\s?T\s?A\s?L\s?S|background|now,?\s+therefore|in\s+consideration\s+of|it\s+is\s+(?:hereby\s+)?agreed|agreed\s+terms)\b|\bagree\s+as\s+follows\b|\b(?:individually|collectively)\b[^.()]{0,80}["“]part(?:y|ies)[,.]?["”]|(?:^|\s)(?:1|I|ARTICLE\s+(?:1|I))\.\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?\s*[:.]/i;
const DOCUMENT_OR_ASSENT =
  /agree|contract|\b(?:deed|guarant(?:ee|y)|lease|licen[cs]e|amendment|addendum|memorandum)\b/i;
const PARTY_ALIAS = /\(\s*(?:the\s+|hereinafter\s+)?[^()]{0,40}?["“”«„][^"“”«»„()]{1,60}["“”»]/;

const LOOK_BEHIND = 400;
// "This Guarantee is made on … by", "THIS AGREEMENT, dated …, is entered into by".
const DOCUMENT_BEFORE_MADE_BY =
  /\b(?:this|the)\s+(?:[\w-]+\s+){0,4}?(?:agreement|guarant(?:ee|y)|deed|amendment|contract|lease|licen[cs]e|undertaking|addendum)\b[^.;]{0,160}$/i;
const DOCUMENT_LOOK_BEHIND = 250;
const MAX_LENGTH = 2500;
// The preamble sits near the top, after at most a cover page and table of contents.
const SEARCH_FRACTION = 0.3;
const MIN_SEARCH = 30_000;

function regionFrom(flat: string, start: number, anchorEnd: number): Region {
  const tail = flat.slice(anchorEnd, anchorEnd + MAX_LENGTH);
  const stop = PREAMBLE_END.exec(tail);
  return { start, end: anchorEnd + (stop ? stop.index : tail.length) };
}

// A document that opens with its recitals ("ENDORSEMENT AGREEMENT WHEREAS, Movado Group, Inc.
// (the "Company") and the Trustees of … (the "Trust") entered into …") names the parties in the
// first one.
const RECITAL_START = /^whereas\b/i;

function throughFirstRecital(flat: string, region: Region): Region {
  const opening = flat.slice(region.start, region.end);
  const recital = RECITAL_START.exec(flat.slice(region.end));
  if (PARTY_ALIAS.test(opening) || !recital) return region;
  return regionFrom(flat, region.start, region.end + recital[0].length);
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
    // "made by", unlike "between", is common in operative text ("payments made by Licensee"):
    // it anchors a preamble only in a sentence about the document itself.
    if (/by$/i.test(m[0]) && !/\bby\s+and\b/i.test(m[0])) {
      const before = flat.slice(Math.max(0, m.index - DOCUMENT_LOOK_BEHIND), m.index);
      if (!DOCUMENT_BEFORE_MADE_BY.test(before)) continue;
    }
    const region = regionFrom(flat, Math.max(0, m.index - LOOK_BEHIND), m.index + m[0].length);
    const body = flat.slice(m.index, region.end);
    (PARTY_ALIAS.test(body) ? withAliases : without).push(region);
    if (withAliases.length >= 3) break;
  }
  for (const m of head.matchAll(PARTIES_HEADING)) {
    withAliases.push(regionFrom(flat, m.index, m.index + m[0].length));
    break;
  }
  // Preambles without "between" ("…under which A (“X”) authorizes B (“Y”)…", "A (“X”) and B
  // (“Y”) agree as follows"): the first early sentence that mentions the agreement (or the
  // deed, lease, licence…) and defines an alias.
  for (const sentence of ctx.index.sentences.slice(0, 60)) {
    if (DOCUMENT_OR_ASSENT.test(sentence.text) && PARTY_ALIAS.test(sentence.text)) {
      withAliases.push(throughFirstRecital(flat, regionFrom(flat, sentence.start, sentence.start)));
      break;
    }
  }
  withAliases.sort((a, b) => a.start - b.start);
  return [...withAliases, ...without];
}
