import type { NameSpan } from "./find-letter-addressee";
import { ENTITY_NAME, looksLikeName, nameKey, trimNameNoise } from "./party-names";

// Where a signature line starts: "By:", "BY:", or a conformed signature "/s/".
const SIGNATURE = /\b(?:By|BY)\s*:|\/s\//g;
// An all-caps name right before the signature line ("ABP TRUST /s/ …", "ARES TRADING SA By:").
const CAPS_NAME =
  /((?:[\p{Lu}0-9][\p{Lu}0-9&'’.,\-/()]*\s+){0,11}[\p{Lu}0-9][\p{Lu}0-9&'’.,\-/()]*)\s*[:,]?\s*$/u;
const LOOK_BACK = 160;
const MAX_PARTIES = 4;

/** "X Y X Y" → "X Y": two signature columns side by side come out as the name said twice. */
function undouble(name: string): string {
  const words = name.split(" ");
  const half = words.length / 2;
  if (!Number.isInteger(half)) return name;
  const first = words.slice(0, half).join(" ");
  return first === words.slice(half).join(" ") ? first : name;
}

function nameBefore(text: string, end: number): NameSpan | null {
  const from = Math.max(0, end - LOOK_BACK);
  const before = text.slice(from, end).trimEnd();
  // A mixed-case company ending right at the signature line, else an all-caps run.
  const entity = [...before.matchAll(ENTITY_NAME)].at(-1);
  const raw =
    entity && entity.index + entity[0].length >= before.replace(/[\s:,]+$/, "").length
      ? entity[0]
      : CAPS_NAME.exec(before)?.[1];
  if (!raw) return null;
  // "LICENSEE: ACME CORP." — the label before the colon is a role, not the name.
  const unlabelled = raw.slice(raw.lastIndexOf(": ") + 1).trim();
  const name = undouble(trimNameNoise(unlabelled.replace(/\s+/g, " ")));
  if (!looksLikeName(name) || name.replace(/[^\p{L}]/gu, "").length < 3) return null;
  const start = from + before.lastIndexOf(name);
  return start < from ? null : { name, start, end: start + name.length };
}

/**
 * Parties read from the signature blocks, for documents with no preamble (joint filing
 * agreements, forms): the entity named above each "By:" or "/s/". Offsets are within `text`.
 */
export function findSignatureParties(text: string): NameSpan[] {
  const found: NameSpan[] = [];
  for (const m of text.matchAll(SIGNATURE)) {
    const span = nameBefore(text, m.index);
    if (!span || found.some((f) => nameKey(f.name) === nameKey(span.name))) continue;
    found.push(span);
    if (found.length >= MAX_PARTIES) break;
  }
  return found;
}
