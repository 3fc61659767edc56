import type { TerminationKind } from "../result-schema";

/** Offsets within a sentence. */
export type Span = { start: number; end: number };

type GroundRule = { kind: Exclude<TerminationKind, "other">; pattern: RegExp };

// The words that state each ground. A list clause ("may terminate if (a) the other party
// materially breaches …; (b) becomes insolvent …") grants one right per ground it states.
const GROUND_RULES: GroundRule[] = [
  {
    kind: "convenience",
    pattern:
      /\bfor\s+(?:its\s+)?convenience\b|\bfor\s+any\s+(?:reason|or\s+no\s+reason)\b|\bwithout\s+cause\b|\bfor\s+no\s+reason\b|\bat\s+will\b|\bwith\s+or\s+without\s+cause\b/gi,
  },
  {
    kind: "insolvency",
    pattern:
      /\binsolven\w*|\bbankrupt\w*|\b(?:voluntary|involuntary)\s+petition\b|\breceiver\b|\bliquidat\w*|\bwinding[- ]up\b|\bassignment\s+for\s+the\s+benefit\s+of\s+(?:its\s+)?creditors\b/gi,
  },
  { kind: "change_of_control", pattern: /\bchange\s+(?:of|in)\s+control\b/gi },
  {
    kind: "breach",
    pattern:
      /\bbreach\w*|\bdefault\w*|\bfail(?:s|ure)?\s+to\s+(?:perform|comply|pay|cure|remedy)\b|\bnon-?performance\b/gi,
  },
];

// "at any time upon thirty days' notice": a convenience right in all but name, unless the
// sentence states grounds ("at any time upon notice if the other party breaches").
const AT_ANY_TIME_ON_NOTICE =
  /\bat\s+any\s+time\b[^.;]{0,60}\b(?:upon|on|by\s+giving|with)\b[^.;]{0,40}\bnotice\b/gi;

// A failure excused by force majeure is not a breach: "if the delay caused by a Force Majeure
// event exceeds 60 days, the other Party may terminate".
const FORCE_MAJEURE = /\bforce\s+majeure\b|\bacts?\s+of\s+god\b/i;
// "without prejudice to any remedy a Party may have for breach, each Party may terminate if the
// other files for bankruptcy": the breach is not the ground.
const REMEDY_FOR = /\b(?:remed(?:y|ies)|damages|prejudice)\b[^.;]{0,60}$/i;
// Where one item of a list clause ends: a semicolon or the next "(b)", "(ii)".
const ITEM_BREAK = /;|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s/gi;

/** The item of a list clause around [start, end): from the previous item break to the next. */
function itemAround(text: string, start: number, end: number): Span {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(ITEM_BREAK)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return { start: from, end: to };
}

/** The span covering the right and the nearest of the grounds. */
function nearestCover(right: Span, grounds: Span[]): Span | null {
  let best: Span | null = null;
  for (const ground of grounds) {
    const cover = {
      start: Math.min(right.start, ground.start),
      end: Math.max(right.end, ground.end),
    };
    if (!best || cover.end - cover.start < best.end - best.start) best = cover;
  }
  return best;
}

/** Where the text states a ground of this kind, leaving out breach words that are not one. */
function occurrencesOf(text: string, rule: GroundRule): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(rule.pattern)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (rule.kind === "breach") {
      const item = itemAround(text, span.start, span.end);
      if (FORCE_MAJEURE.test(text.slice(item.start, item.end))) continue;
      if (REMEDY_FOR.test(text.slice(Math.max(item.start, span.start - 80), span.start))) continue;
    }
    spans.push(span);
  }
  return spans;
}

/**
 * Each ground the sentence states for the right at `right`, with the span that shows both.
 * Grounds count from the right's own list item onwards ("(c) …; (d) IGER may terminate if …":
 * item (c) is another right's), and later items only when the right's item states no ground of
 * its own ("may terminate if: (a) … breaches …; (b) … becomes insolvent"). Nothing before
 * `after` is this right's ground (a sentence's later rights take grounds only after them).
 */
export function findTerminationGrounds(
  text: string,
  right: Span,
  after = 0,
): { kind: TerminationKind; cover: Span }[] {
  const itemStart = Math.max(after, text.lastIndexOf(";", right.start) + 1);
  const itemEnd = itemAround(text, right.start, right.end).end;
  const found = GROUND_RULES.map((rule) => ({
    kind: rule.kind,
    spans: occurrencesOf(text, rule).filter((g) => g.start >= itemStart),
  }));
  const ownGround = found.some(({ spans }) => spans.some((g) => g.end <= itemEnd));
  const grounds: { kind: TerminationKind; cover: Span }[] = [];
  for (const { kind, spans } of found) {
    const cover = nearestCover(right, ownGround ? spans.filter((g) => g.end <= itemEnd) : spans);
    if (cover) grounds.push({ kind, cover });
  }
  if (grounds.length === 0) {
    const notice = [...text.matchAll(AT_ANY_TIME_ON_NOTICE)]
      .map((m) => ({ start: m.index, end: m.index + m[0].length }))
      .filter((g) => g.start >= itemStart);
    const cover = nearestCover(right, notice);
    if (cover) grounds.push({ kind: "convenience", cover });
  }
  return grounds;
}
