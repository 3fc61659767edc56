import type { Evidence } from "../result-schema";
import { type DocumentIndex, findSentenceAt, type Sentence } from "./document-index";

export const MAX_QUOTE_LENGTH = 300;
// How much of the sentence to keep before the match when the sentence is too long to quote whole.
const LEAD_IN = 80;

/**
 * The part of a sentence to quote for a match at [start, end) (offsets into `flat`): the whole
 * sentence when short, else a window that starts a little before the match and, when the match
 * fits in a quote, contains all of it (a long match must not lose the words that end it).
 */
function quoteFromSentence(sentence: Sentence, start: number, end: number): string {
  const text = sentence.text;
  if (text.length <= MAX_QUOTE_LENGTH) return text.trim();
  const relStart = Math.min(Math.max(start - sentence.start, 0), text.length);
  const relEnd = Math.min(Math.max(end - sentence.start, relStart), text.length);
  let from = Math.max(0, Math.min(relStart - LEAD_IN, text.length - MAX_QUOTE_LENGTH));
  if (relEnd - from > MAX_QUOTE_LENGTH) from = Math.min(relStart, relEnd - MAX_QUOTE_LENGTH);
  // Snap to word boundaries without cutting into the match itself.
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < relStart) from = space + 1;
  }
  let to = Math.min(text.length, from + MAX_QUOTE_LENGTH);
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > Math.max(from, relEnd)) to = space;
  }
  return text.slice(from, to).trim();
}

export function evidenceInSentence(
  index: DocumentIndex,
  sentence: Sentence,
  start = sentence.start,
  end = sentence.end,
): Evidence {
  return {
    quote: quoteFromSentence(sentence, start, end),
    unit: sentence.unit.number,
    unitLabel: index.unitLabel,
  };
}

/** `evidenceCovering` for a regex match within `sentence.text`. */
export function evidenceCoveringMatch(
  index: DocumentIndex,
  sentence: Sentence,
  match: RegExpExecArray,
): Evidence | null {
  const start = sentence.start + match.index;
  return evidenceCovering(index, sentence, start, start + match[0].length);
}

/**
 * Evidence whose quote contains all of [start, end) (offsets into `flat`), or null when that
 * span is too long to quote: the words that establish a finding (the right and its grounds, the
 * cap and its amount) must all be in the quote, or the finding has no evidence.
 */
export function evidenceCovering(
  index: DocumentIndex,
  sentence: Sentence,
  start: number,
  end: number,
): Evidence | null {
  const from = Math.max(start, sentence.start);
  const to = Math.min(end, sentence.end);
  if (to - from > MAX_QUOTE_LENGTH) return null;
  const evidence = evidenceInSentence(index, sentence, from, to);
  const covered = sentence.text.slice(from - sentence.start, to - sentence.start).trim();
  return evidence.quote.includes(covered) ? evidence : null;
}

/** Evidence for a match found in `index.flat`; null only if the offset is outside every unit. */
export function evidenceAt(index: DocumentIndex, start: number, end: number): Evidence | null {
  const sentence = findSentenceAt(index, start);
  if (!sentence) return null;
  return evidenceInSentence(index, sentence, start, end);
}
