// Building blocks for reading party names out of a preamble.

// Legal forms that close a name. Besides the common-law ones: A/S (Danish), S/A and S.A.
// (Brazilian, Swiss), G.I.E. (French), AB (Swedish), Sdn Bhd (Malaysian), Pte (Singapore),
// Tbk (Indonesian), Oy (Finnish), ApS (Danish), KG (German), K.K. (Japanese), SAS and SARL
// (French), S.à r.l. (Luxembourg), S.L. (Spanish), Ltda (Brazilian), Pvt (Indian), PLLC, P.C.
// and P.A. (professional), N.A. (US national banks).
const FORMS =
  "Inc|INC|inc|Incorporated|INCORPORATED|Corporation|CORPORATION|Corp|CORP|Company|COMPANY|Co|CO|Ltd|LTD|Limited|LIMITED|LLC|L\\.L\\.C|LP|L\\.P|LLP|L\\.L\\.P|GmbH|AG|B\\.V|BV|N\\.V|NV|S\\.A\\.R\\.L|S\\.A\\.S|S\\.A|SA|A/S|S/A|G\\.I\\.E|S\\.R\\.L|S\\.r\\.l|S\\.p\\.A|SpA|plc|PLC|Pty|Pte|Bhd|Berhad|BERHAD|Tbk|AB|Oy|Oyj|ApS|KG|K\\.K|SAS|SARL|S\\.à\\s?r\\.l|S\\.L|Ltda|LTDA|Pvt|PLLC|P\\.C|P\\.A|N\\.A|LLLP|Trust|TRUST|Association|ASSOCIATION";
const SUFFIX = `(?:${FORMS})`;
// "(HONG KONG)", "(PNG)", "(UK)": capitalized words in parentheses inside a name.
// Brand words that start in lowercase are name words too: "iDreamSky", "eBay", "bw-3".
// Dot-com names are often written all in lowercase ("salesforce.com, inc.", "drugstore.com").
const NAME_WORD =
  "(?:[\\p{Lu}0-9][\\p{L}\\p{N}_&'’.\\-/]*|\\p{Ll}{1,3}(?:\\p{Lu}|-\\p{N})[\\p{L}\\p{N}_&'’.\\-/]*|\\p{Ll}[\\p{L}\\p{N}-]*\\.(?:com|net|org)(?![\\p{L}\\p{N}])|\\(\\p{Lu}[\\p{L}\\p{N}]*(?:\\s\\p{Lu}[\\p{L}\\p{N}]*){0,2}\\))";
const CONNECTOR = "(?:of|and|&|de|du|der|for|the)";

/**
 * A capitalized name ending in a legal-form suffix: "Sorrent, Inc.", "JingWei … Co., Ltd.",
 * "Theta GmbH & Co. KG".
 */
export const ENTITY_NAME = new RegExp(
  `${NAME_WORD}(?:,?\\s+(?:${CONNECTOR}\\s+)?${NAME_WORD}){0,7}?,?\\s+${SUFFIX}\\.?(?:,?\\s+(?:&\\s+)?${SUFFIX}\\.?)*(?![\\p{L}\\p{N}_-])`,
  "gu",
);

// Leading words a name match can drag in from the surrounding preamble.
const LEADING_NOISE = new Set([
  "between",
  "among",
  "and",
  "by",
  "this",
  "the",
  "dated",
  "agreement",
  "made",
  "with",
  "to",
  "of",
  "for",
  "a",
  "an",
  "party",
  "parties",
  "exhibit",
  "execution",
  "version",
  "copy",
  "attorney-in-fact",
  "whereas",
]);

// Leading tokens that are not words of a name: exhibit and list numbers ("10.28", "2.", "(1)",
// "A."), a copyright mark, a date on a cover page ("August 1997"), a letter's salutation, a
// signature form's captions ("(Date)", "(Name/Title)").
const NOISE_TOKEN =
  /^(?:\(?\d{1,2}(?:\.\d+)*[.:)]?|\d{1,2}\.\d+(?:\.\d+)*|\d{1,2},|\(?[A-Za-z]\)|[A-Z]\.|\(C\)|©|(?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:19|20)\d{2},?|Gentlemen:?|Ladies|Dear|Re:|Attn:?|\((?:Date|Signature|Name|Title|Name\/Title)\))$/;
// Heading words that close a title above the preamble ("10.7 CONSULTING AGREEMENT Aduro …").
const TITLE_END = /^(?:AGREEMENT|Agreement|CONTRACT|Contract|BY:|By:|Gentlemen:)$/;

/** Drops leading tokens that are preamble words or noise ("Gentlemen:", "10.28", "(1)"). */
export function stripLeadingNoise(name: string): string {
  const tokens = name.split(/\s+/);
  let from = 0;
  while (from < tokens.length - 1) {
    const raw = tokens[from] ?? "";
    const token = raw.replace(/[:,]$/, "").toLowerCase();
    if (!LEADING_NOISE.has(token) && !NOISE_TOKEN.test(raw)) break;
    from += 1;
  }
  return tokens
    .slice(from)
    .join(" ")
    .replace(/[,;:]+$/, "");
}

/** Strips preamble words a name match picked up at its start ("BETWEEN KIROMIC …"). */
export function trimNameNoise(name: string): string {
  const tokens = name.split(/\s+/);
  let from = 0;
  tokens.forEach((token, i) => {
    if (i >= tokens.length - 2) return;
    // A long token ending in "." closes a previous sentence ("Agreement. Acme Inc."); "between"
    // and "and" separate one party from the text before it ("… AND MOLIPHARMA S.R.L."); a
    // title's last word separates the heading from the name under it.
    if (
      /^[A-Za-z]{5,}\.$/.test(token) ||
      /^(?:between|and):?$/i.test(token) ||
      TITLE_END.test(token)
    )
      from = i + 1;
  });
  // A lone capital left over from a table of contents ("N PRETZEL TIME, INC.").
  if (/^[A-Z]$/.test(tokens[from] ?? "") && from < tokens.length - 2) from += 1;
  return stripLeadingNoise(tokens.slice(from).join(" "));
}

// Where a descriptor starts after a name: ", a Delaware corporation", ", an individual",
// " a subsidiary of", ", having", ", being". "the" after "of" stays in the name ("The Regents
// of the University of California"). A parenthesis ends the name unless it holds
// capitalized words inside the name ("Dialog Semiconductor (UK) Ltd.").
const DESCRIPTOR_START =
  /,\s+(?:an?)\s+|(?<!\s(?:of|for|and|to))\s+(?:an?|the)\s+(?=[A-Z]|(?:corporation|company|limited|private|public|statutory|business|not-for|non-profit|division|subsidiary|wholly|general|joint|partnership|society|trust|firm|body|government|individual|natural|professional|resident|citizen)\b)|,\s+(?:having|with|located|whose|of|incorporated|organi[sz]ed|existing|registered|doing\s+business\s+at|represented|acting|duly|as|on\s+behalf|being|residing|an?\s+individual)\b|\s+(?:having|located|residing|being|with\s+(?:its|offices|a\s+principal))\b|\s+\((?!\p{Lu}[\p{L}\p{N}]*(?:\s\p{Lu}[\p{L}\p{N}]*){0,2}\)\s+\p{Lu})|,\s*$/u;

// The same descriptors in a preamble typed in capitals: "ACME CORPORATION, A DELAWARE
// CORPORATION", "GAMMA LABS LLC, HAVING ITS PRINCIPAL OFFICE AT", "… LLC ON BEHALF OF ITS CLIENT".
// Only after a comma or before a capitalized form, since "A" and "THE" start words of names too.
const CAPS_DESCRIPTOR_START =
  /,\s+(?:AN?|THE|OF|AS)\s+|\s+(?:HAVING|LOCATED|RESIDING|BEING|WITH\s+(?:ITS|OFFICES|A\s+PRINCIPAL)|ON\s+BEHALF\s+OF|AN?\s+(?:\p{Lu}+\s+){0,2}(?:CORPORATION|COMPANY|LIMITED|CORP|LLC|PARTNERSHIP|BANK|INDIVIDUAL))\b/u;

// A comma and a participle start a descriptor however it is capitalized ("…, Having Its
// Principal Office At"); "…, Incorporated" alone is a legal form.
const DESCRIPTOR_AFTER_COMMA =
  /,\s+(?:having|with|located|whose|incorporated\s+(?:in|under)|organi[sz]ed|existing|registered|represented|acting|duly|on\s+behalf|being|residing)\b/iu;

// A name ends at its legal form when an address follows ("Xencor, Inc. 111 W. Lemon Ave.",
// "LEO PHARMA A/S of Industriparken 55"), unless another form, a trade name or the rest of a
// form follows ("Co., Ltd.", "Inc. d/b/a X", "Limited Liability Company"). Words after a form
// without a number ("Inc. and its affiliates") may still be part of how the party is named.
const ENDS_AT_FORM = new RegExp(
  `^(.+?[\\s,]+(?:Inc|INC|Corp|CORP|Corporation|CORPORATION|Ltd|LTD|Limited|LIMITED|LLC|L\\.L\\.C|L\\.P|LLP|GmbH|B\\.V|N\\.V|S\\.A|A/S|S/A|G\\.I\\.E|plc|PLC|S\\.p\\.A|S\\.r\\.l|S\\.R\\.L|S\\.A\\.R\\.L|SARL|SAS|KG|Ltda|LTDA|N\\.A|PLLC|P\\.C|Pty|Pte|Bhd)\\.?)(?=\\s+(?!(?:${FORMS}|d/b/a|dba|doing|trading|t/a|Liability|LIABILITY|Partnership|PARTNERSHIP|and)\\b)(?:(?:\\S+\\s+){0,3}\\d))`,
  "u",
);

// "Prolong Super Lubricants, Anaheim, Calif.": a city and state after a name.
const CITY_AND_STATE = /,\s+\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?,\s+\p{Lu}[\p{L}]*\.?$/u;
// A cover page's address under a name without a legal form: "MODUS MEDIA INTERNATIONAL
// LANDDROSTLAAN 51 7327 GM APELDOORN" (a street, its number, and more of the address after it).
const STREET_AFTER_NAME = /(?<=\S\s+\S+)\s+\p{L}+\s+\d{1,5}(?:\s+\S+){2,}$/u;
const ENDS_IN_LEGAL_FORM = new RegExp(`[\\s,]${SUFFIX}\\.?$`, "u");

/** The name part of "Corio Inc., a Delaware corporation, having its principal place…". */
export function cutAtDescriptor(text: string): string {
  const m = [
    DESCRIPTOR_START.exec(text),
    CAPS_DESCRIPTOR_START.exec(text),
    DESCRIPTOR_AFTER_COMMA.exec(text),
  ]
    .filter((d) => d !== null)
    .sort((a, b) => a.index - b.index)[0];
  const name = (m ? text.slice(0, m.index) : text).trim().replace(/[,;:]+$/, "");
  const atForm = ENDS_AT_FORM.exec(name)?.[1];
  if (atForm) return atForm;
  // "Smith, Barney, Inc." ends in its form; a city would not.
  if (ENDS_IN_LEGAL_FORM.test(name)) return name;
  return name.replace(STREET_AFTER_NAME, "").replace(CITY_AND_STATE, "");
}

const GROUP = /,?\s+and\s+its\s+(?:affiliates|subsidiaries|Affiliates|Subsidiaries)$/;
const BRAND_START = /^(?:[a-z]{1,3}(?:-[a-z0-9]|[A-Z])\S*|[a-z][a-z0-9-]*\.(?:com|net|org)\b)/;

/** Whether `name` plausibly names a legal person rather than a fragment of prose. */
export function looksLikeName(full: string): boolean {
  // "Jaguar Investments, Inc. and its affiliates": one side of the contract, named as a group.
  const name = full.replace(GROUP, "");
  if (name.length < 2 || name.length > 100) return false;
  // Brand names may start in lowercase when the next letter is a capital or a hyphen
  // ("eBay", "i-on interactive"); other lowercase starts are prose.
  const brand = BRAND_START.test(name);
  if (!/^[A-Z0-9]/.test(name) && !brand) return false;
  const words = name.split(/\s+/).slice(brand ? 1 : 0);
  if (words.length > 12) return false;
  // A long word ending a sentence means the match ran across prose ("INFORMATION. Each party").
  if (/[A-Za-z]{4,}\.\s/.test(name)) return false;
  if (/\b(?:Section|Article|Exhibit|Schedule)\b/.test(name)) return false;
  // A form's blank to fill in ("<<enter Company Name>>", "[Customer Name]") names no one yet.
  if (/<<|>>|\[[^\]]*\bname\b/i.test(name)) return false;
  // A number before a legal form ("4,500,000 Trust Preferred …") is not a name.
  if (/^\d[\d,.]*\s+\S+$/.test(name)) return false;
  // An address, not a name: "Convention Plaza, 1 Harbour Rd", "… Street", "CA 90071".
  if (
    /,\s*\d+[A-Za-z]?\s+\p{Lu}|\b(?:Street|Avenue|Road|Suite|Floor|Boulevard|P\.?O\.?\s+Box)\b|\b[A-Z]{2}\s+\d{5}\b/u.test(
      name,
    )
  )
    return false;
  if (/\s(?:of|and|the|for|to|a|an)$/i.test(name)) return false;
  // Prose has many lowercase words; names have few ("Bank of South Pacific").
  const lowercase = words.filter((w) => /^[a-z]/.test(w) && !/^(?:of|and|the|de|du|for)$/.test(w));
  return lowercase.length <= 1;
}

const ROLE_WORDS = new Set([
  "licensee",
  "licensor",
  "customer",
  "client",
  "supplier",
  "vendor",
  "distributor",
  "reseller",
  "dealer",
  "buyer",
  "seller",
  "purchaser",
  "company",
  "contractor",
  "subcontractor",
  "consultant",
  "provider",
  "owner",
  "manufacturer",
  "franchisor",
  "franchisee",
  "agent",
  "principal",
  "promoter",
  "sponsor",
  "association",
  "lessor",
  "lessee",
  "landlord",
  "tenant",
  "employer",
  "employee",
  "developer",
  "publisher",
  "partner",
  "affiliate",
  "adviser",
  "advisor",
  "administrator",
  "athlete",
  "endorser",
  "investor",
  "lender",
  "borrower",
  "guarantor",
  "trust",
  "operator",
  "host",
  "marketer",
  "representative",
  "collaborator",
  "participant",
  "sellers",
  "buyers",
]);

/** The defined term when it names a role ("Service Provider"), else null ("Corio"). */
export function roleFromDefinedTerm(term: string): string | null {
  const last = term.trim().split(/\s+/).pop()?.toLowerCase() ?? "";
  // A side made of several persons is named in the plural ("Partners", "Investors").
  if (!ROLE_WORDS.has(last) && !ROLE_WORDS.has(last.replace(/s$/, ""))) return null;
  // "COMPANY" → "Company": roles read better in title case than in the contract's caps.
  return term === term.toUpperCase()
    ? term.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase())
    : term;
}

/** Loose key for "is this the same party": case, punctuation and legal suffixes ignored. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(
      /\b(?:inc|incorporated|corporation|corp|company|co|ltd|limited|llc|l l c|lp|l p|llp|gmbh|ag|b v|bv|n v|nv|n a|s a|sa|a s|s r l|plc|the)\b/g,
      " ",
    )
    .replace(/\s+/g, " ")
    .trim();
}
