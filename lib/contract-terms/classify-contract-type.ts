import type { AnalysisResult } from "@/lib/analysis/result-schema";

export const CONTRACT_TYPES = [
  "license",
  "services",
  "supply",
  "distribution",
  "reseller",
  "nda",
  "employment",
  "lease",
  "loan",
  "partnership",
  "sponsorship",
  "other",
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/**
 * Title words, most specific first: a "Marketing and Reseller Agreement" is a reseller
 * agreement, a "License and Hosting Agreement" a license, a "Collaboration & Endorsement
 * Agreement" a sponsorship. Drafting names the agreement for its main bargain, and the more
 * specific word names it better than the generic "services" or "marketing".
 */
const TITLE_SIGNALS: ReadonlyArray<readonly [ContractType, RegExp]> = [
  ["nda", /\b(non-?disclosure|confidentiality|secrecy|nda)\b/i],
  ["employment", /\b(employment|employee|executive|offer letter)\b/i],
  ["lease", /\b(sub-?lease|lease|tenancy|rental)\b/i],
  ["loan", /\b(loan|credit agreement|credit facility|promissory|note purchase|financing)\b/i],
  ["reseller", /\b(re-?seller|resale|value[- ]added)\b/i],
  ["distribution", /\b(distribut\w*|dealer\w*|agency)\b/i],
  ["sponsorship", /\b(sponsor\w*|endorsement)\b/i],
  ["license", /\b(licen[cs]\w*|franchise|royalty)\b/i],
  ["supply", /\b(supply|manufactur\w*|purchase|procurement|oem)\b/i],
  [
    "partnership",
    /\b(joint venture|partnership|collaboration|alliance|co-?branding|cooperation)\b/i,
  ],
  [
    "services",
    /\b(services?|consult\w*|outsourc\w*|hosting|maintenance|marketing|development|promotion|transportation|affiliate|agent)\b/i,
  ],
];

/** Defined roles of the parties, when the title is generic ("Agreement", "IP Agreement"). */
const ROLE_SIGNALS: ReadonlyArray<readonly [ContractType, RegExp]> = [
  ["employment", /^(employee|employer|executive)$/i],
  ["lease", /^(landlord|tenant|lessor|lessee|sublessor|sublessee)$/i],
  ["loan", /^(borrower|lender)$/i],
  ["reseller", /^reseller$/i],
  ["distribution", /^(distributor|dealer)$/i],
  ["sponsorship", /^sponsor$/i],
  ["license", /^(\w+ )?(licensor|licensee|franchisor|franchisee)$/i],
  ["supply", /^(supplier|manufacturer|purchaser|vendor)$/i],
  ["services", /^(consultant|contractor|service provider|provider|client|customer)$/i],
];

const OBLIGATION_TYPES: Record<string, ContractType> = {
  license: "license",
  service: "services",
  support: "services",
  goods: "supply",
};

/**
 * The contract's type from what the analysis read: the title's words first, then the parties'
 * roles, then what the parties promise (the most common kind of performance obligation).
 */
export function classifyContractType(result: AnalysisResult): ContractType {
  const title = result.identification.title.value ?? "";
  for (const [type, pattern] of TITLE_SIGNALS) if (pattern.test(title)) return type;

  for (const party of result.identification.parties) {
    const role = party.role?.trim();
    if (!role) continue;
    for (const [type, pattern] of ROLE_SIGNALS) if (pattern.test(role)) return type;
  }

  const counts = new Map<ContractType, number>();
  for (const obligation of result.performanceObligations) {
    const type = OBLIGATION_TYPES[obligation.kind];
    if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  let best: ContractType = "other";
  let bestCount = 0;
  for (const [type, count] of counts) {
    if (count > bestCount) [best, bestCount] = [type, count];
  }
  return best;
}
