import { ENTITY_NAME, looksLikeName, trimNameNoise } from "./party-names";

// A letter agreement's salutation: the addressee stands above it, after the date.
const SALUTATION =
  /\b(?:Ladies\s+and\s+Gentlemen|Dear\s+Sirs?(?:\s+and\s+Mesdames)?|Gentlemen)\s*:/;
// The addressee block (name, street, city) fits in a few lines above the salutation.
const BLOCK = 250;

export type NameSpan = { name: string; start: number; end: number };

// A letter to a person: "Mr. John Smith 12 Elm Street … Dear Mr. Smith:".
const DEAR_PERSON = /\bDear\s+(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(\p{Lu}[\p{L}'’-]+)\s*[:,]/u;

/** The person named above "Dear Mr. Smith:", without the honorific ("John Smith"). */
function personAddressee(text: string): NameSpan | null {
  const dear = DEAR_PERSON.exec(text);
  const surname = dear?.[1];
  if (!dear || !surname) return null;
  const from = Math.max(0, dear.index - BLOCK);
  const block = text.slice(from, dear.index);
  const person = new RegExp(
    `\\b(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+((?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,3}${surname})\\b`,
    "u",
  );
  const m = person.exec(block);
  if (!m?.[1]) return null;
  const start = from + m.index + m[0].length - m[1].length;
  return { name: m[1], start, end: start + m[1].length };
}

/**
 * The company a letter agreement is addressed to ("… February 15, 2011 Barclays Capital Inc.
 * 745 Seventh Avenue New York, NY 10019 Ladies and Gentlemen: …"), which is a party though the
 * preamble only says "you"; or the person a letter greets ("Dear Mr. Smith:"), named in full
 * above the greeting. Offsets are within `text`.
 */
export function findLetterAddressee(text: string): NameSpan | null {
  const salutation = SALUTATION.exec(text);
  if (!salutation) return personAddressee(text);
  // Start at a word, not inside one ("…ION VERSION METLIFE, INC.").
  let from = Math.max(0, salutation.index - BLOCK);
  if (from > 0) from = text.indexOf(" ", from) + 1;
  const block = text.slice(from, salutation.index);
  let found: NameSpan | null = null;
  for (const m of block.matchAll(ENTITY_NAME)) {
    const name = trimNameNoise(m[0]);
    if (!looksLikeName(name) || !/\s/.test(name)) continue;
    const start = from + m.index + m[0].lastIndexOf(name);
    found = { name, start, end: start + name.length };
  }
  return found;
}
