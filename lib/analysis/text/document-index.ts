import type { ExtractedText } from "../types";
import { collapseWhitespace } from "./collapse-whitespace";
import { splitSentences } from "./split-sentences";

export type IndexedUnit = {
  /** The unit's own 1-based page/paragraph number. */
  number: number;
  /** Whitespace-collapsed text; evidence quotes are spans of it. */
  text: string;
  /** Offset of `text` within `DocumentIndex.flat`. */
  start: number;
};

export type Sentence = {
  unit: IndexedUnit;
  /** Offsets within `DocumentIndex.flat`. */
  start: number;
  end: number;
  text: string;
};

export type DocumentIndex = {
  unitLabel: ExtractedText["unitLabel"];
  units: IndexedUnit[];
  /** All unit texts joined by a blank line, so patterns can span units (multi-paragraph preambles). */
  flat: string;
  sentences: Sentence[];
};

const UNIT_SEPARATOR = "\n\n";

// Steps run separately against the same ExtractedText; index it once per object.
const cache = new WeakMap<ExtractedText, DocumentIndex>();

export function getDocumentIndex(text: ExtractedText, signal?: AbortSignal): DocumentIndex {
  const cached = cache.get(text);
  if (cached) return cached;
  const units: IndexedUnit[] = [];
  const sentences: Sentence[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const raw of text.units) {
    signal?.throwIfAborted();
    const collapsed = collapseWhitespace(raw.text);
    if (collapsed === "") continue;
    const unit: IndexedUnit = { number: raw.index, text: collapsed, start: offset };
    units.push(unit);
    parts.push(collapsed);
    for (const span of splitSentences(collapsed)) {
      const sentenceText = collapsed.slice(span.start, span.end);
      if (sentenceText.trim() === "") continue;
      sentences.push({
        unit,
        start: offset + span.start,
        end: offset + span.end,
        text: sentenceText,
      });
    }
    offset += collapsed.length + UNIT_SEPARATOR.length;
  }
  const index: DocumentIndex = {
    unitLabel: text.unitLabel,
    units,
    flat: parts.join(UNIT_SEPARATOR),
    sentences,
  };
  cache.set(text, index);
  return index;
}

/** The sentence containing a `flat` offset (or the nearest one before it). */
export function findSentenceAt(index: DocumentIndex, offset: number): Sentence | undefined {
  const { sentences } = index;
  let lo = 0;
  let hi = sentences.length - 1;
  let found: Sentence | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const sentence = sentences[mid];
    if (!sentence) break;
    if (sentence.start <= offset) {
      found = sentence;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
