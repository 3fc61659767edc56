import { describeDuration, findDurations } from "@/lib/analysis/parse/parse-duration";
import type { AnalysisResult, Evidence, TerminationKind } from "@/lib/analysis/result-schema";

/** A finding whose quote lacks the words that establish it. */
export type EvidenceViolation = { kind: string; display: string; quote: string };

/** One finding the check looks at: which kind it is and what it cites. */
export type CheckedFinding = { kind: string; display: string; quote: string; ok: boolean };

// "terminate", "termination", "terminable".
const TERMINATE = /\btermina(?:t|bl)/i;
// Each termination kind's own words, on top of "terminate". "at any time … notice" and "at will"
// are how contracts word a convenience right without saying "convenience".
const TERMINATION_GROUNDS: Record<TerminationKind, RegExp | null> = {
  breach: /\bbreach|\bdefault|\bfail/i,
  convenience:
    /\bconvenience\b|\bfor\s+any\s+(?:reason|or\s+no\s+reason)\b|\bwithout\s+cause\b|\bfor\s+no\s+reason\b|\bat\s+will\b|\bat\s+any\s+time\b/i,
  insolvency:
    /\bbankrupt|\binsolven|\breceiver|\bliquidat|\bwinding[- ]up\b|\bbenefit\s+of\s+(?:its\s+)?creditors\b|\b(?:voluntary|involuntary)\s+petition\b/i,
  change_of_control: /\bchange\s+(?:of|in)\s+(?:the\s+)?control\b/i,
  other: null,
};
const FORCE_MAJEURE = /\bforce\s+majeure\b|\bact(?:s)?\s+of\s+god\b/i;

const OBLIGATION_WORDS: Record<string, RegExp> = {
  license: /\blicen[cs]|\bright\s+to\s+use\b/i,
  support:
    /\bmaintenance\b|\bsupport\b|\bupdates?\b|\bupgrades?\b|\bbug\s+fixes\b|\berror\s+corrections?\b|\btechnical\s+assistance\b|\bhelp\s+desk\b/i,
  service:
    /\bservices?\b|\bconsulting\b|\bhosting\b|\bdevelopment\b|\bmarketing\b|\bpromotion\b|\badvertising\b|\btraining\b|\boperations?\b|\bendorsement\b|\bappearances?\b|\bresearch\b/i,
  goods:
    /\bproducts?\b|\bgoods\b|\bunits\b|\bdevices\b|\bequipment\b|\bmaterials\b|\binventory\b|\bsupplies\b|\bhardware\b|\bkits\b/i,
};

const has = (quote: string, ...patterns: RegExp[]) => patterns.every((p) => p.test(quote));

/** The amount as the contract wrote it: the display without the currency note. */
const rawAmount = (display: string) => display.replace(/\s+\([A-Z]{3}\)$/, "");

function quoteOf(evidence: Evidence | null): string | null {
  return evidence?.quote ?? null;
}

/**
 * Every finding of the kinds the check covers, each judged on whether its quote contains the
 * words that establish it (a right to terminate for breach: "terminate" and "breach", "default"
 * or "fail", and never a force-majeure clause; a liability cap: "liability" and a limit; …).
 */
export function checkFindingEvidence(result: AnalysisResult): CheckedFinding[] {
  const checked: CheckedFinding[] = [];
  const add = (kind: string, display: string, quote: string | null, ok: (q: string) => boolean) => {
    if (quote !== null) checked.push({ kind, display, quote, ok: ok(quote) });
  };
  for (const right of result.term.terminationRights) {
    const grounds = TERMINATION_GROUNDS[right.kind];
    add(`termination:${right.kind}`, right.display, quoteOf(right.evidence), (q) => {
      if (!TERMINATE.test(q)) return false;
      if (right.kind === "breach" && FORCE_MAJEURE.test(q)) return false;
      return grounds === null || grounds.test(q);
    });
  }
  for (const o of result.performanceObligations) {
    const words = OBLIGATION_WORDS[o.kind];
    add(`obligation:${o.kind}`, o.description, o.evidence.quote, (q) => !words || words.test(q));
  }
  const clauses = result.keyClauses;
  const cap = clauses.liabilityCap;
  add("liabilityCap", cap.display, quoteOf(cap.evidence), (q) => {
    if (!has(q, /\bliab/i, /\blimit|\bexceed|\bin\s+no\s+event\b|\bin\s+excess\b|\bcap(?:ped)?\b/i))
      return false;
    const amount = /^Liability capped at (.+)$/.exec(cap.display)?.[1];
    return amount === undefined || q.includes(amount);
  });
  add("exclusivity", clauses.exclusivity.display, quoteOf(clauses.exclusivity.evidence), (q) =>
    has(q, /\bexclusive/i),
  );
  const nonCompete = clauses.nonCompete;
  add("nonCompete", nonCompete.display, quoteOf(nonCompete.evidence), (q) => {
    if (!has(q, /compet/i)) return false;
    // "Restriction on competing (period mentioned: 2 years)": the period is in the quote.
    if (!nonCompete.display.includes("period mentioned")) return true;
    return findDurations(q).some((d) => nonCompete.display.includes(describeDuration(d.iso)));
  });
  const assignment = clauses.assignment;
  add("assignment", assignment.display, quoteOf(assignment.evidence), (q) => {
    if (!has(q, /\bassign/i)) return false;
    return assignment.value !== "consent_required" || has(q, /\bconsent|\bapprov/i);
  });
  add(
    "confidentiality",
    clauses.confidentiality.display,
    quoteOf(clauses.confidentiality.evidence),
    (q) => has(q, /\bconfiden|\bsecre(?:t|cy)\b/i),
  );
  const terms = result.consideration.paymentTerms;
  add("paymentTerms", terms.display, quoteOf(terms.evidence), (q) =>
    has(q, /\bpa(?:y|id)|\binvoic|\bbill|\bdue\b|\bremit|\bnet\s+\d/i),
  );
  for (const amount of result.consideration.amounts) {
    add("amount", amount.display, quoteOf(amount.evidence), (q) =>
      q.includes(rawAmount(amount.display)),
    );
  }
  return checked;
}

/** The findings whose quote does not contain the words that establish them. */
export function findEvidenceViolations(result: AnalysisResult): EvidenceViolation[] {
  return checkFindingEvidence(result)
    .filter((c) => !c.ok)
    .map(({ kind, display, quote }) => ({ kind, display, quote }));
}
