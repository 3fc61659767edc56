import type { NameSpan } from "./find-letter-addressee";
import { cutAtDescriptor, looksLikeName } from "./party-names";

// "Party A: People’s Government of Fenyi County Party B: Xinyu Xinwei New Energy Co., Ltd."
const LABEL = /\bParty\s+(?:[A-D]|One|Two|Three|[1-4])\s*[:：]\s*/g;
// The name runs to the next label, a field of the form, or the end of a clause; a name ending
// in "Ltd." is closed by cutAtDescriptor at its legal form.
const NAME_END =
  /\s+(?:Party\s+(?:[A-D]|One|Two|Three|[1-4])\b|Address|Legal|Registered|Domicile|Tel|Fax)|;\s|\.\s+(?=\p{Ll})/u;
const HEAD = 5000;

/** Parties introduced by "Party A:" labels at the top of the contract (offsets within `text`). */
export function findLabelledParties(text: string): NameSpan[] {
  const head = text.slice(0, HEAD);
  const found: NameSpan[] = [];
  for (const m of head.matchAll(LABEL)) {
    const from = m.index + m[0].length;
    const rest = head.slice(from, from + 200);
    const stop = NAME_END.exec(rest);
    const name = cutAtDescriptor(stop ? rest.slice(0, stop.index) : rest);
    if (!looksLikeName(name) || found.some((f) => f.name === name)) continue;
    found.push({ name, start: from, end: from + name.length });
  }
  return found;
}
