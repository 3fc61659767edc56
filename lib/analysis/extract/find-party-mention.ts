import type { Party } from "../result-schema";

const LEGAL_SUFFIX =
  /,?\s+(?:Inc|Incorporated|Corporation|Corp|Company|Co|Ltd|Limited|LLC|L\.L\.C|LP|L\.P|LLP|GmbH|AG|B\.V|N\.V|S\.A|S\.R\.L|plc|PLC)\.?$/i;

/** Ways a party is referred to in the body: its defined term and its name without the suffix. */
function referencesTo(party: Party): string[] {
  const refs: string[] = [];
  if (party.definedAs) refs.push(party.definedAs);
  if (party.value) {
    refs.push(party.value);
    const short = party.value.replace(LEGAL_SUFFIX, "");
    if (short !== party.value && short.length >= 3) refs.push(short);
  }
  return refs;
}

/**
 * The party a clause is about: "Either party", "Both parties", or the party named last before
 * `upTo` (the verb), since the subject precedes the verb. Returns the defined term when known.
 */
export function findPartyMention(text: string, upTo: number, parties: Party[]): string | null {
  const lead = text.slice(0, upTo);
  const leadLower = lead.toLowerCase();
  let mutualAt = -1;
  let mutualLabel = "";
  for (const m of lead.matchAll(/\b(?:(either|each|any)\s+party|(both|the)\s+parties)\b/gi)) {
    mutualAt = m.index;
    mutualLabel = m[1] ? "Either party" : "Both parties";
  }
  let best: { at: number; name: string } | null = null;
  for (const party of parties) {
    const label = party.definedAs ?? party.value;
    if (!label) continue;
    for (const ref of referencesTo(party)) {
      const at = leadLower.lastIndexOf(ref.toLowerCase());
      if (at !== -1 && (!best || at > best.at)) best = { at, name: label };
    }
  }
  if (mutualAt !== -1 && (!best || mutualAt > best.at)) return mutualLabel;
  return best?.name ?? null;
}
