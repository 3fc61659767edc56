import type { Party } from "../result-schema";
import { evidenceAt } from "../text/make-evidence";
import type { ScanContext } from "../text/scan-context";
import { splitSentences } from "../text/split-sentences";
import { describesKnownParty } from "./describes-known-party";
import type { Region } from "./find-preamble";
import {
  cutAtDescriptor,
  ENTITY_NAME,
  looksLikeName,
  nameKey,
  roleFromDefinedTerm,
  trimNameNoise,
} from "./party-names";

// ("Licensee"), (the "Company"), (hereinafter referred to as "Customer"), ("Emerald" or the "Company").
// Also the typo form "(LeadersOnline"), and unquoted "(hereinafter referred to as Pretzel Time)".
const ALIAS =
  /\(\s*(?:the\s+|hereinafter\s+(?:(?:referred\s+to|called|named|designated)\s+(?:as\s+)?)?(?:collectively,?\s+)?(?:the\s+)?|collectively,?\s+(?:the\s+)?)?["“”]([^"“”()]{1,60})["“”][^()]{0,120}\)|["“]\(([^"“”()]{1,60})["“”]\)|\(\s*hereinafter\s+(?:referred\s+to\s+as|called)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’.-]*){0,3})\s*\)/gu;

// Defined terms in a preamble that are not parties.
const NON_PARTY_TERMS =
  /^(?:this\s+)?(?:agreement|contract|effective\s+date|execution\s+date|commencement\s+date|closing\s+date|date|parties|party|term|territory|products?|services?|software|property|recitals?|receiving\s+party|disclosing\s+party)$/i;

// Words after which a new party name starts.
const BOUNDARY =
  /\bby\s+and\s+(?:between|among)\b|\bB\s?E\s?T\s?W\s?E\s?E\s?N\s*:|\bbetween\b:?|\bamong\b|-\s*and\s*-|\bAND\s*:|\band\b|\bby\b|;|\n\n/gi;

type NameAt = { name: string; offset: number };

function nameAfterBoundary(segment: string): NameAt | null {
  const boundaries = [...segment.matchAll(BOUNDARY)];
  // Latest boundary first: the name is usually right before its alias. Earlier ones cover
  // "and" inside descriptors ("registered and records office").
  for (let i = boundaries.length - 1; i >= 0; i--) {
    const b = boundaries[i];
    if (!b) continue;
    let from = b.index + b[0].length;
    const rest = segment.slice(from);
    const lead = /^[\s:,-]*(?:the\s+)?/.exec(rest)?.[0] ?? "";
    from += lead.length;
    const name = cutAtDescriptor(segment.slice(from));
    if (looksLikeName(name)) return { name, offset: from };
  }
  return null;
}

function findEntityNames(segment: string): NameAt[] {
  const found: NameAt[] = [];
  for (const m of segment.matchAll(ENTITY_NAME)) {
    // "a Delaware Corporation" describes a party; it is not one.
    if (/\b(?:an?)\s+$/i.test(segment.slice(Math.max(0, m.index - 4), m.index))) continue;
    const name = trimNameNoise(m[0]);
    if (!looksLikeName(name)) continue;
    found.push({ name, offset: m.index + m[0].lastIndexOf(name) });
  }
  return found;
}

const lastEntityName = (segment: string): NameAt | null => findEntityNames(segment).at(-1) ?? null;

// "… and the Agent named on the signature page hereof (the "Agent")": the preamble has no name,
// only the role, so the role stands in for it.
function aliasAsName(segment: string, alias: string): NameAt | null {
  const at = segment.lastIndexOf(alias);
  return at === -1 ? null : { name: alias, offset: at };
}

const COLLECTIVE = /^\(\s*collectively\b/i;

function sameParty(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

function partiesInRegion(ctx: ScanContext, region: Region): Party[] {
  const { flat } = ctx.index;
  const text = flat.slice(region.start, region.end);
  const parties: Party[] = [];
  const add = (name: string, definedAs: string | null, start: number, end: number) => {
    if (parties.some((p) => p.value !== null && sameParty(p.value, name))) return;
    const evidence = evidenceAt(ctx.index, start, end);
    if (!evidence) return;
    parties.push({
      value: name,
      display: definedAs ? `${name} ("${definedAs}")` : name,
      evidence,
      definedAs,
      role: definedAs ? roleFromDefinedTerm(definedAs) : null,
    });
  };

  const sentences = splitSentences(text);
  let segmentStart = 0;
  for (const m of text.matchAll(ALIAS)) {
    ctx.signal?.throwIfAborted();
    const alias = (m[1] ?? m[2] ?? m[3] ?? "")
      .trim()
      .replace(/^the\s+/i, "")
      .replace(/[,.;:]+$/, "");
    const segmentFrom = segmentStart;
    const segment = text.slice(segmentFrom, m.index);
    segmentStart = m.index + m[0].length;
    if (!alias || NON_PARTY_TERMS.test(alias)) continue;
    if (parties.length >= 2 && describesKnownParty(text, sentences, m.index, parties)) continue;
    // "A LP, …, B LLC, … and C LP (collectively, the "White Hat Parties")": each is a party.
    const named = COLLECTIVE.test(m[0]) ? findEntityNames(segment) : [];
    if (named.length > 1) {
      for (const n of named) {
        const start = region.start + segmentFrom + n.offset;
        add(n.name, alias, start, start + n.name.length);
      }
      continue;
    }
    const found =
      nameAfterBoundary(segment) ?? lastEntityName(segment) ?? aliasAsName(segment, alias);
    if (!found) continue;
    add(found.name, alias, region.start + segmentFrom + found.offset, region.start + segmentStart);
  }

  // Preambles that name parties without defining aliases ("BETWEEN KIROMIC BIOPHARMA Inc. … AND
  // MOLIPHARMA S.R.L. …").
  if (parties.length < 2) {
    for (const m of text.matchAll(ENTITY_NAME)) {
      if (/\b(?:an?)\s+$/i.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
      const name = trimNameNoise(m[0]);
      // A bare suffix ("Co" from "Co-Branding") is not a name.
      if (!looksLikeName(name) || !/\s/.test(name)) continue;
      const start = region.start + m.index + m[0].lastIndexOf(name);
      add(name, null, start, start + name.length);
    }
  }
  return parties;
}

/**
 * Parties named in the preamble, in order of appearance, and the region they came from.
 * `candidates` come from `findPreambleCandidates`, best first.
 */
export function findParties(
  ctx: ScanContext,
  candidates: Region[],
): { parties: Party[]; region: Region | null } {
  // The first plausible preamble wins even with one party: a later region with more "parties"
  // is usually a definitions section, not a better preamble.
  for (const region of candidates) {
    const parties = partiesInRegion(ctx, region);
    if (parties.length > 0) return { parties, region };
  }
  return { parties: [], region: candidates[0] ?? null };
}
