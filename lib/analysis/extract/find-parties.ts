import type { Party } from "../result-schema";
import { maskFilingStamps } from "../text/filing-stamps";
import { evidenceAt } from "../text/make-evidence";
import type { ScanContext } from "../text/scan-context";
import { splitSentences } from "../text/split-sentences";
import { describesKnownParty } from "./describes-known-party";
import { findLabelledParties } from "./find-labelled-parties";
import { findLetterAddressee } from "./find-letter-addressee";
import type { Region } from "./find-preamble";
import { findSignatureParties } from "./find-signature-parties";
import {
  cutAtDescriptor,
  ENTITY_NAME,
  looksLikeName,
  nameKey,
  roleFromDefinedTerm,
  stripLeadingNoise,
  trimNameNoise,
} from "./party-names";

// ("Licensee"), (the "Company"), (hereinafter referred to as "Customer"), ("Emerald" or the "Company").
// Also the typo form "(LeadersOnline"), unquoted "(hereinafter referred to as Pretzel Time)" and
// "(hereinafter Sabco)", ", hereinafter referred to as “Shipper”" without parentheses or with
// them inside ("hereinafter referred to as ("DISTRIBUTOR")"), all-caps "(HEREINAFTER "MMI")"
// (not "hereafter", which more often defines a term than a party),
// "(?Chase?)" where text extraction lost the curly quotes, and British single quotes
// "(the ‘Company’)", guillemets and low quotes of European drafting "(«Acme»)", "(„Acme“)".
// English drafting leaves a role unquoted: "(the Supplier)", "(Customer)";
// other capitalized words in parentheses ("(UK)", "(Shanghai)") are part of a name.
const HEREINAFTER = "(?:[Hh]ereinafter|HEREINAFTER)";
const REFERRED = "(?:(?:to\\s+be\\s+)?(?:referred\\s+to|called|named|designated)\\s+(?:as\\s+)?)";
const ALIAS = new RegExp(
  [
    `\\(\\s*(?:[^"“”«»„()]{0,60}?[\\s,:])?["“”«„]([^"“”«»„()]{1,60})["“”»][^()]{0,120}\\)`,
    `["“]\\(([^"“”()]{1,60})["“”]\\)`,
    `\\(\\s*${HEREINAFTER}\\s+${REFERRED}?(?:the\\s+)?(\\p{Lu}[\\p{L}\\p{N}&'’.-]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}&'’.-]*){0,3})\\s*\\)`,
    `,?\\s+${HEREINAFTER}\\s+${REFERRED}(?:the\\s+)?\\(?["“”]([^"“”()]{1,60})["“”]\\)?`,
    `\\(\\s*\\?(\\p{Lu}[^?()]{0,58})\\?\\s*\\)`,
    `\\(\\s*(?:the\\s+|${HEREINAFTER}\\s+${REFERRED}?(?:the\\s+)?)?‘([^‘’()]{1,60})’\\s*\\)`,
    `\\(\\s*(?:the\\s+)?(\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+){0,2})\\s*\\)`,
  ].join("|"),
  "gu",
);

const REFERENCE_NOT_ALIAS = /\b(?:defined|see|other\s+than|excluding|including|except|under)\b/i;

// Defined terms in a preamble that are not parties: the document itself ("Amendment",
// "Split Dollar Agreement"), laws, dates, fees, securities, subject matter.
const NON_PARTY_TERMS =
  /^(?:this\s+)?(?:parties|party|term|territory|products?|services?|software|property|recitals?|receiving\s+party|disclosing\s+party|content|premises)$|\b(?:agreements?|amendments?|addendum|contract|schedule|law|act|rules|regulations|code|date|fees?|securities|debentures|notes|shares|stock|policy|plan|program)$/i;

// An alias for another document than this one.
const RECITED_DOCUMENT =
  /\b(?:agreement|amendment|addendum|contract|indenture|plan|guarant(?:y|ee)|lease|license)$/i;

// Words after which a new party name starts.
// Numbered lists of parties ("BETWEEN: (1) … and (2) …", "1. Baoding … 2. Valence …") and
// form labels ("Customer Name: MTS, INC.", "Party B: …") start names too. "represented by"
// introduces a signatory, not a party.
const BOUNDARY =
  /\bby\s+and\s+(?:between|among)\b|\bB\s?E\s?T\s?W\s?E\s?E\s?N\s*:|\bbetween\b:?|\bamong\b|-\s*and\s*-|\bAND\s*:|\band\b|(?<!\b(?:represented|signed|executed)\s)\bby\b|\bName\s*:|\bParty\s+[A-Z1-9]\s*:|;|\n\n|\(\d{1,2}\)|(?<=^|\s)\d{1,2}\.(?=\s+\p{Lu})/giu;

type NameAt = { name: string; offset: number };

// A name that ends in a legal form ("Acme Inc.", "LOUISVILLE GAS AND ELECTRIC COMPANY").
const ENDS_IN_FORM = new RegExp(`^${ENTITY_NAME.source}$`, "u");
// Capitalized words joined by "and" inside one name: "LOUISVILLE GAS AND ".
const NAME_WITH_AND = /^(?:[\p{Lu}0-9][\p{L}\p{N}&'’.-]*\s+)+(?:and|AND|&)\s+$/u;

// A comma right after the previous party's alias starts the next one in a list ("Acme Inc.
// ("Acme"), John Smith ("Smith") and …"); not a descriptor (", a Delaware corporation").
const LIST_COMMA = /^\s*,\s*(?=\p{Lu})/gu;
// A deed names the other side after "in favour of" ("made by X (the "Guarantor") in favour of
// Y"), a one-sided preamble after "with" ("X enters into this Agreement with Y").
const OTHER_SIDE =
  /\bin\s+fav(?:ou|o)r\s+of\b|\bfor\s+the\s+benefit\s+of\b|\bwith\s+(?=\p{Lu})(?!(?:Offices?|Its|Principal|Headquarters|Registered|Address|Residence)\b)/gu;
// Lettered and roman-numbered lists of parties: "among (a) Alpha LLC, (b) John Doe and (c) …".
const LIST_MARKER = /\((?:[a-hA-H]|[ivx]{1,4})\)\s+(?=\p{Lu})/gu;

function namesAfterBoundaries(segment: string): NameAt[] {
  const names: NameAt[] = [];
  const boundaries = [
    ...segment.matchAll(LIST_COMMA),
    ...segment.matchAll(BOUNDARY),
    ...segment.matchAll(OTHER_SIDE),
    ...segment.matchAll(LIST_MARKER),
  ].sort((a, b) => a.index - b.index);
  for (const b of boundaries) {
    let from = b.index + b[0].length;
    const rest = segment.slice(from);
    // A descriptor may stand before a person's name: "between professional golfer, TOM WATSON".
    const between = /between\W*$/i.test(b[0]);
    const lead =
      (between
        ? /^[\s:,-]*(?:[a-z]+\s+)?[a-z]+,\s+(?=\p{Lu}+\s+\p{Lu}+,)/u.exec(rest)?.[0]
        : undefined) ??
      /^[\s:,-]*(?:the\s+)?/.exec(rest)?.[0] ??
      "";
    from += lead.length;
    const cut = cutAtDescriptor(segment.slice(from));
    const name = stripLeadingNoise(cut);
    if (looksLikeName(name)) names.push({ name, offset: from + cut.lastIndexOf(name) });
  }
  return names;
}

// A list of people ("Mr. Zheng Qing, Mr. Gu Xianwin and Ms. Chen Weijie") is one side.
const HONORIFIC = "(?:Mr|Mrs|Ms|Dr|Miss|Prof)\\.?";
const PERSON = `${HONORIFIC}\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}`;
const PEOPLE_LIST = new RegExp(`^${PERSON}(?:,\\s+${PERSON})*,?\\s+and\\s+${PERSON}$`, "u");
// An all-caps name with "AND" inside ("INSTITUTE OF GRASSLAND AND ENVIRONMENTAL RESEARCH").
const CAPS_WITH_AND =
  /^[\p{Lu}0-9][\p{Lu}0-9&'’.\s-]*\s(?:AND|&)\s+[\p{Lu}0-9][\p{Lu}0-9&'’.\s-]*$/u;

/**
 * The last name of a segment without a legal form, said in full when an "and" inside it made a
 * boundary: a list of people, or an all-caps name with AND in it.
 */
function joinedWithAnd(segment: string, names: NameAt[]): NameAt | null {
  const last = names.at(-1);
  if (!last) return null;
  const end = last.offset + last.name.length;
  for (const n of names) {
    if (n.offset >= last.offset) break;
    const whole = segment.slice(n.offset, end);
    if (PEOPLE_LIST.test(whole) || CAPS_WITH_AND.test(whole))
      return { name: whole, offset: n.offset };
  }
  return last;
}

/**
 * The name a segment gives its alias. A name with a legal form beats prose that happens to
 * follow an "and" ("laws of England and Wales"); among those the one nearest the alias wins,
 * said in full when an "and" sits inside it. Without a legal form (people, "Sagebrush"), the
 * name after the last boundary, as it sits right before its alias.
 */
function nameAfterBoundary(segment: string): NameAt | null {
  const names = namesAfterBoundaries(segment);
  const entities = names.filter((n) => ENDS_IN_FORM.test(n.name));
  let best = entities.at(-1);
  if (!best) return joinedWithAnd(segment, names);
  const end = best.offset + best.name.length;
  for (const n of entities) {
    if (n.offset >= best.offset || n.offset + n.name.length !== end) continue;
    if (NAME_WITH_AND.test(segment.slice(n.offset, best.offset))) {
      best = n;
      break;
    }
  }
  return best;
}

// Words before a company name that make it something a party is, not a party: "a Delaware
// Corporation"; its owner ("a wholly-owned subsidiary of Acme Holdings Ltd."); its bank in
// payment details ("Deposit Bank: China Merchants Bank Co., Ltd.").
const NOT_A_PARTY_BEFORE =
  /\b(?:an?|(?:subsidiary|affiliate|division|parent|unit)\s+of(?:\s+the)?)\s+$|\b(?:[Bb]ank|BANK)\s*:\s*$/i;

const describedByWordsBefore = (text: string, at: number) =>
  NOT_A_PARTY_BEFORE.test(text.slice(Math.max(0, at - 30), at));

function findEntityNames(segment: string): NameAt[] {
  const found: NameAt[] = [];
  for (const m of segment.matchAll(ENTITY_NAME)) {
    if (describedByWordsBefore(segment, m.index)) continue;
    const name = trimNameNoise(m[0]);
    if (!looksLikeName(name)) continue;
    found.push({ name, offset: m.index + m[0].lastIndexOf(name) });
  }
  return found;
}

const lastEntityName = (segment: string): NameAt | null => findEntityNames(segment).at(-1) ?? null;

const NAME_BLANK = /_{3,}|\[[^\]]{0,40}\]|<<[^>»]{0,40}(?:>>|»)/g;

// The words between a determiner and the role qualify it: "the sales agent", "each Agent".
const ROLE_QUALIFIER_BEFORE = /\b(?:the|each|any|such)\s+((?:[\p{L}-]+\s+){0,2}?)$/iu;
const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// "… and the Agent named on the signature page hereof (the "Agent")": the preamble has no name,
// only the role, so the role stands in for it, as the preamble words it ("the sales agent
// identified on the signature page (the "Agent")" → "sales agent").
function aliasAsName(segment: string, alias: string): NameAt | null {
  // Only a role can stand in for a name; "Remarketing Fee" or "Content" is not a party.
  if (!roleFromDefinedTerm(alias)) return null;
  const mentions = segment.matchAll(new RegExp(`\\b${escapeForRegExp(alias)}\\b`, "giu"));
  const mention = [...mentions].at(-1);
  if (!mention) {
    // A form leaves the name blank ("and ____________ ("Distributor")", "<<enter Company
    // Name>>"): the role is all there is to name the party by.
    const blank = [...segment.matchAll(NAME_BLANK)].at(-1);
    return blank ? { name: alias, offset: blank.index } : null;
  }
  const qualifier = ROLE_QUALIFIER_BEFORE.exec(segment.slice(0, mention.index))?.[1] ?? "";
  // Only plain words qualify a role; "the owner of the Property" does not name a party.
  const words = /\b(?:the|a|an|and|or|of|to|with)\b/i.test(qualifier) ? "" : qualifier;
  const offset = mention.index - words.length;
  return { name: segment.slice(offset, mention.index + mention[0].length), offset };
}

// "Pretzel Time, Inc., a Pennsylvania corporation with its principal place of business at …
// trading and doing business as Pretzel Time (…)": the trade name after the descriptor is how
// the party is named too.
const TRADE_NAME_AT_END =
  /\s(?:trading\s+and\s+)?(doing\s+business\s+as|d\/b\/a|trading\s+as)\s+(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’.-]*){0,5})\s*,?\s*$/u;

function withTradeName(segment: string, found: NameAt): string {
  const after = segment.slice(found.offset + found.name.length);
  const m = TRADE_NAME_AT_END.exec(after);
  if (!m || /\b(?:d\/b\/a|doing\s+business\s+as|trading\s+as)\b/i.test(found.name))
    return found.name;
  return `${found.name} ${m[1]} ${m[2]}`;
}

// Where a preamble's sentence surely ends: after a lowercase word or an alias's parenthesis, not
// after an abbreviation inside a name or an address ("N.A.", "Corp.", "NJ. 08054", "130 S.,").
const SENTENCE_END = /(?<=\b[a-z]{3,}[)"”’]*|\)["”’]?)\.\s+(?=[A-Z0-9"“(])/g;
// A sentence that opens a numbered item of a party list: "(3) Gamma Ltd …", "3. Gamma Ltd …"
// ("1. Services" after the preamble opens the first section instead).
const LIST_ITEM_START = /^\s*(?:\(\s*(?:\d{1,2}|[a-hA-H]|[ivx]{1,4})\s*\)|(?:[2-9]|1\d)\.)\s/;
// A later sentence that makes someone a party: "is executing this Agreement", "joins this
// Agreement", "is a party hereto".
const JOINS_AS_PARTY =
  /\b(?:execut(?:es|ing)|join(?:s|ing)?\s+(?:in\s+)?this|(?:is|are|becomes?)\s+(?:also\s+)?(?:a\s+)?part(?:y|ies)\s+(?:to\s+this|hereto))\b/i;

// A person named right after "between" or "and", without an alias or a legal form ("Mary
// O'Brien", "Dr. Robert J. Brown", "Ann McDonald-Hill"); the name ends at punctuation or the next
// preamble word.
const PERSON_WORD = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?(?:-\\p{Lu}\\p{Ll}+)?";
const PERSON_AFTER_BOUNDARY = new RegExp(
  `\\b(?:between|and)\\s+((?:(?:Mr|Mrs|Ms|Dr)\\.\\s+)?${PERSON_WORD}(?:\\s+\\p{Lu}\\.)?(?:\\s+${PERSON_WORD}){1,2})(?=\\s*(?:[,(.;]|$)|\\s+(?:and|on|dated|effective|who|whose|residing|of)\\b)`,
  "gu",
);
const PERSON_CLAUSE = 300;

// How far above a preamble a letter's addressee block and salutation may stand.
const LETTER_LOOK_BEHIND = 400;

const COLLECTIVE = /^\(\s*(?:collectively|together)\b/i;

// Singular and plural spellings of one name ("Pizza Fusion Holding" / "… Holdings").
const looseKey = (name: string) => nameKey(name).replace(/s\b/g, "");

/**
 * Whether two names are one party: the same key, or one ending in the other when the longer
 * picked up a cover page's words in front ("10-12G, 9/23/2015 Pizza Fusion Holdings, Inc.").
 */
function sameParty(a: string, b: string): boolean {
  const [x, y] = [looseKey(a), looseKey(b)].sort((p, q) => p.length - q.length);
  if (!x || !y) return false;
  return x === y || (x.includes(" ") && y.endsWith(` ${x}`));
}

function partiesInRegion(ctx: ScanContext, flat: string, region: Region): Party[] {
  const text = flat.slice(region.start, region.end);
  const parties: Party[] = [];
  const add = (name: string, definedAs: string | null, start: number, end: number) => {
    // A later alias that restates a known party ("IBM", "Customer") adds no one.
    const known = (ref: string | null) => ref !== null && sameParty(ref, name);
    if (parties.some((p) => known(p.value) || known(p.definedAs))) return;
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
  // Once both sides are named, a later sentence mentions other companies ("… a Supply Agreement
  // with Gamma Corp. ("Gamma")") unless it adds a party ("(3) …", "… is executing this
  // Agreement solely for purposes of Section 1").
  const ends = [...text.matchAll(SENTENCE_END)].map((e) => e.index + e[0].length);
  const sentenceAt = (at: number) => ends.filter((e) => e <= at).length;
  let lastPartySentence = -1;
  const addsNoParty = (at: number) => {
    const index = sentenceAt(at);
    if (parties.length < 2 || index <= lastPartySentence) return false;
    const said = text.slice(ends[index - 1] ?? 0, ends[index] ?? text.length);
    return !LIST_ITEM_START.test(said) && !JOINS_AS_PARTY.test(said);
  };
  let segmentStart = 0;
  for (const m of text.matchAll(ALIAS)) {
    ctx.signal?.throwIfAborted();
    const unquoted = m[7];
    if (unquoted !== undefined && !roleFromDefinedTerm(unquoted)) continue;
    // "(as defined in the "Credit Agreement")", "(other than "Excluded Products")": a reference
    // to a term, not an alias.
    if (m[1] !== undefined && REFERENCE_NOT_ALIAS.test(m[0].slice(0, m[0].indexOf(m[1])))) continue;
    const alias = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? unquoted ?? "")
      .trim()
      .replace(/^the\s+/i, "")
      .replace(/[,.;:]+$/, "");
    const segmentFrom = segmentStart;
    const segment = text.slice(segmentFrom, m.index);
    segmentStart = m.index + m[0].length;
    // Once both sides are named, a recited document ("the Unit Agreement (the "Unit Agreement")
    // … among the Company, the Trust, The Bank of New York …") brings its own parties, not ours.
    if (parties.length >= 2 && RECITED_DOCUMENT.test(alias)) break;
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
    if (!found || addsNoParty(m.index)) continue;
    lastPartySentence = Math.max(lastPartySentence, sentenceAt(m.index));
    add(
      withTradeName(segment, found),
      alias,
      region.start + segmentFrom + found.offset,
      region.start + segmentStart,
    );
  }

  // A letter agreement's addressee, named above "Ladies and Gentlemen:" or "Dear Mr. Smith:",
  // which may stand above where the region starts.
  const letterFrom = Math.max(0, region.start - LETTER_LOOK_BEHIND);
  const addressee = findLetterAddressee(flat.slice(letterFrom, region.end));
  if (addressee && parties.length > 0) {
    add(addressee.name, null, letterFrom + addressee.start, letterFrom + addressee.end);
  }

  // Preambles that name parties without defining aliases ("BETWEEN KIROMIC BIOPHARMA Inc. … AND
  // MOLIPHARMA S.R.L. …").
  const withoutAliases = parties.length < 2;
  if (withoutAliases) {
    for (const m of text.matchAll(ENTITY_NAME)) {
      if (describedByWordsBefore(text, m.index)) continue;
      const name = trimNameNoise(m[0]);
      // A bare suffix ("Co" from "Co-Branding") is not a name.
      if (!looksLikeName(name) || !/\s/.test(name)) continue;
      if (addsNoParty(m.index)) break;
      lastPartySentence = Math.max(lastPartySentence, sentenceAt(m.index));
      const start = region.start + m.index + m[0].lastIndexOf(name);
      add(name, null, start, start + name.length);
    }
  }
  // …and people: "This Agreement is made between John Smith and Jane Doe on May 1, 2010".
  if (withoutAliases) {
    const between = /\b(?:between|among)\b|\b(?:made|entered\s+into|executed)\s+by\b/i.exec(text);
    const from = between ? between.index : text.length;
    const sentenceEnd = ends.find((e) => e > from) ?? text.length;
    const clause = text.slice(from, Math.min(sentenceEnd, from + PERSON_CLAUSE));
    // Once both sides are named, only a person listed right after a party ("…, Kappa GP, LLC and
    // John K. Smith") is one more; "…and Development Services" further on is not.
    const listedAfterParty = (at: number) =>
      parties.some(({ value }) => {
        const i = value ? clause.lastIndexOf(value, at) : -1;
        return i !== -1 && /^[\s,.]*$/.test(clause.slice(i + (value?.length ?? 0), at));
      });
    for (const m of clause.matchAll(PERSON_AFTER_BOUNDARY)) {
      if (parties.length >= 2 && !listedAfterParty(m.index)) continue;
      const name = m[1] ?? "";
      // The start of a company already read ("Lambda Sdn" of "Lambda Sdn. Bhd.").
      if (parties.some(({ value }) => value?.startsWith(name))) continue;
      const start = region.start + from + m.index + m[0].length - name.length;
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
  const flat = maskFilingStamps(ctx.index.flat);
  for (const region of candidates) {
    const parties = partiesInRegion(ctx, flat, region);
    if (parties.length > 0) return { parties, region };
  }
  // No preamble: "Party A:" labels, else the signature blocks (joint filing agreements).
  const labelled = findLabelledParties(flat);
  const spans = labelled.length > 0 ? labelled : findSignatureParties(flat);
  const parties: Party[] = [];
  for (const span of spans) {
    const evidence = evidenceAt(ctx.index, span.start, span.end);
    if (!evidence) continue;
    parties.push({ value: span.name, display: span.name, evidence, definedAs: null, role: null });
  }
  return { parties, region: candidates[0] ?? null };
}
