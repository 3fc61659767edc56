import type { AnalysisDraft } from "./analysis-draft";
import type { RiskFlag, VariableConsiderationKind } from "./result-schema";

const VARIABLE_KINDS: VariableConsiderationKind[] = [
  "royalty",
  "revenue_share",
  "rebate",
  "milestone",
  "volume_restriction",
];

/**
 * Risk flags from the findings of all steps. Flags about something missing carry no evidence;
 * every other flag quotes the finding it rests on.
 */
export function deriveRiskFlags(draft: AnalysisDraft): RiskFlag[] {
  const flags: RiskFlag[] = [];
  const term = draft.term;
  const clauses = draft.keyClauses;
  const signals = draft.consideration?.variableConsiderationSignals ?? [];

  if (term?.renewalTerm.automatic && term.renewalTerm.evidence) {
    const notice = term.renewalNoticePeriod.value
      ? ` unless notice is given (${term.renewalNoticePeriod.display})`
      : "";
    flags.push({
      code: "auto_renewal",
      severity: "medium",
      explanation: `The agreement renews automatically${notice}. Each renewal period may be a separate contract or a modification under ASC 606; missed notice dates extend commitments.`,
      evidence: term.renewalTerm.evidence,
    });
  }

  if (clauses && clauses.liabilityCap.value === null) {
    flags.push({
      code: "uncapped_liability",
      severity: "high",
      explanation:
        "No limitation-of-liability cap was found. Exposure under indemnities and damages claims may be unlimited; confirm with counsel.",
      evidence: null,
    });
  }

  const convenience = term?.terminationRights.find((r) => r.kind === "convenience");
  if (convenience?.evidence) {
    flags.push({
      code: "termination_for_convenience",
      severity: "medium",
      explanation: `${convenience.display}. Under ASC 606-10-25-3 the enforceable contract term may be limited to the non-cancellable period, which affects the transaction price and allocation.`,
      evidence: convenience.evidence,
    });
  } else if (term) {
    flags.push({
      code: "no_termination_for_convenience",
      severity: "low",
      explanation:
        "No right to terminate for convenience was found; exit may require breach, insolvency or expiry.",
      evidence: null,
    });
  }

  if (clauses?.exclusivity.evidence) {
    flags.push({
      code: "exclusivity",
      severity: "medium",
      explanation:
        "The contract grants exclusivity, which may restrict other business and can indicate a separate promise to assess.",
      evidence: clauses.exclusivity.evidence,
    });
  }
  if (clauses?.nonCompete.evidence) {
    flags.push({
      code: "non_compete",
      severity: "medium",
      explanation: `${clauses.nonCompete.display}. Confirm scope, duration and enforceability with counsel.`,
      evidence: clauses.nonCompete.evidence,
    });
  }

  // The most telling kind first: a royalty matters more than a volume threshold.
  const variable = VARIABLE_KINDS.map((kind) => signals.find((s) => s.kind === kind)).find(
    (s) => s !== undefined,
  );
  if (variable?.evidence) {
    flags.push({
      code: "variable_consideration",
      severity: "medium",
      explanation: `Variable consideration (${variable.display.toLowerCase()}) must be estimated and constrained (ASC 606-10-32-5 to 32-14); sales- or usage-based royalties on IP licences follow ASC 606-10-55-65.`,
      evidence: variable.evidence,
    });
  }
  const minimum = signals.find((s) => s.kind === "minimum_commitment");
  if (minimum?.evidence) {
    flags.push({
      code: "minimum_commitment",
      severity: "medium",
      explanation:
        "A minimum purchase or payment commitment affects the fixed portion of the transaction price and may indicate a material right or shortfall payments.",
      evidence: minimum.evidence,
    });
  }
  const price = signals.find((s) => s.kind === "price_restriction");
  if (price?.evidence) {
    flags.push({
      code: "price_restriction",
      severity: "low",
      explanation:
        "Pricing is restricted (fixed prices, caps or most-favoured terms); assess for price concessions or material rights.",
      evidence: price.evidence,
    });
  }
  const penalty = signals.find((s) => s.kind === "penalty");
  if (penalty?.evidence) {
    flags.push({
      code: "penalty",
      severity: "low",
      explanation:
        "Penalties, service credits or liquidated damages may reduce the transaction price and should be included in the variable-consideration estimate.",
      evidence: penalty.evidence,
    });
  }

  if (term?.perpetual.evidence) {
    flags.push({
      code: "perpetual_term",
      severity: "low",
      explanation:
        "The agreement has no fixed end date; the ASC 606 contract term is the period of enforceable rights, often the notice period.",
      evidence: term.perpetual.evidence,
    });
  }
  if (clauses && clauses.governingLaw.value === null) {
    flags.push({
      code: "missing_governing_law",
      severity: "low",
      explanation:
        "No governing-law clause was found; enforceability questions may be harder to resolve.",
      evidence: null,
    });
  }
  return flags;
}
