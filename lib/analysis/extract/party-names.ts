// Building blocks for reading party names out of a preamble.

const SUFFIX =
  "(?:Inc|INC|Incorporated|INCORPORATED|Corporation|CORPORATION|Corp|CORP|Company|COMPANY|Co|CO|Ltd|LTD|Limited|LIMITED|LLC|L\\.L\\.C|LP|L\\.P|LLP|L\\.L\\.P|GmbH|AG|B\\.V|N\\.V|S\\.A|S\\.R\\.L|S\\.r\\.l|S\\.p\\.A|SpA|plc|PLC|Pty|Trust|TRUST|Association|ASSOCIATION)";
const NAME_WORD = "(?:[\\p{Lu}0-9][\\p{L}\\p{N}_&'’.\\-/]*|\\(\\p{Lu}[\\p{L}\\p{N}]*\\))";
const CONNECTOR = "(?:of|and|&|de|du|der|for|the)";

/** A capitalized name ending in a legal-form suffix: "Sorrent, Inc.", "JingWei … Co., Ltd.". */
export const ENTITY_NAME = new RegExp(
  `${NAME_WORD}(?:,?\\s+(?:${CONNECTOR}\\s+)?${NAME_WORD}){0,7}?,?\\s+${SUFFIX}\\.?(?:,?\\s+${SUFFIX}\\.?)*(?![\\p{L}\\p{N}_-])`,
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
]);

/** Strips preamble words a name match picked up at its start ("BETWEEN KIROMIC …"). */
export function trimNameNoise(name: string): string {
  const tokens = name.split(/\s+/);
  let from = 0;
  tokens.forEach((token, i) => {
    if (i === tokens.length - 1) return;
    // A long token ending in "." closes a previous sentence ("Agreement. Acme Inc."); "between"
    // and "and" separate one party from the text before it ("… AND MOLIPHARMA S.R.L.").
    if (/^[A-Za-z]{5,}\.$/.test(token) || /^(?:between|and):?$/i.test(token)) from = i + 1;
  });
  // A lone capital left over from a table of contents ("N PRETZEL TIME, INC.").
  if (/^[A-Z]$/.test(tokens[from] ?? "") && from < tokens.length - 2) from += 1;
  while (from < tokens.length - 1) {
    const token = (tokens[from] ?? "").replace(/[:,]$/, "").toLowerCase();
    if (!LEADING_NOISE.has(token)) break;
    from += 1;
  }
  return tokens
    .slice(from)
    .join(" ")
    .replace(/[,;:]+$/, "");
}

// Where a descriptor starts after a name: ", a Delaware corporation", " a subsidiary of", ", having".
const DESCRIPTOR_START =
  /,?\s+(?:an?|the)\s+(?=[A-Z]|(?:corporation|company|limited|private|public|statutory|business|not-for|non-profit|division|subsidiary|wholly|general|joint|partnership|society|trust|firm|body|government)\b)|,\s+(?:having|with|located|whose|of|incorporated|organi[sz]ed|existing|registered|doing|represented|acting|duly|as|on\s+behalf)\b|\s+(?:having|located|with\s+(?:its|offices|a\s+principal))\b|\s+\(|,\s*$/;

/** The name part of "Corio Inc., a Delaware corporation, having its principal place…". */
export function cutAtDescriptor(text: string): string {
  const m = DESCRIPTOR_START.exec(text);
  return (m ? text.slice(0, m.index) : text).trim().replace(/[,;:]+$/, "");
}

const BRAND_START = /^[a-z]{1,3}(?:-[a-z]|[A-Z])\S*/;

/** Whether `name` plausibly names a legal person rather than a fragment of prose. */
export function looksLikeName(name: string): boolean {
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
  if (!ROLE_WORDS.has(last)) return null;
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
      /\b(?:inc|incorporated|corporation|corp|company|co|ltd|limited|llc|l l c|lp|l p|llp|gmbh|ag|b v|n v|s a|s r l|plc|the)\b/g,
      " ",
    )
    .replace(/\s+/g, " ")
    .trim();
}
