import { describeDuration } from "../parse/parse-duration";
import type {
  AnalysisResult,
  Evidence,
  ObligationKind,
  ObligationTiming,
  PerformanceObligation,
} from "../result-schema";
import { escapeInline } from "./escape-markdown";
import { citeSuffix } from "./format-citation";

const MAX_AMOUNTS_LISTED = 8;
const EXCERPT_LENGTH = 160;

/** A quote cut to a readable excerpt; the full quote stays in the result. */
function shorten(quote: string): string {
  if (quote.length <= EXCERPT_LENGTH) return quote;
  const cut = quote.lastIndexOf(" ", EXCERPT_LENGTH);
  return `${quote.slice(0, cut > 0 ? cut : EXCERPT_LENGTH)}…`;
}

/** A finding's display text with its citation, escaped; `fallback` when not found. */
function stated(
  finding: { value: string | null; display: string; evidence: Evidence | null },
  fallback: string,
): string {
  if (finding.value === null) return fallback;
  return `${escapeInline(finding.display)}${citeSuffix(finding.evidence)}`;
}

function partyList(result: AnalysisResult): string {
  return result.identification.parties
    .map((p) => `${escapeInline(p.display)}${citeSuffix(p.evidence)}`)
    .join("; ");
}

function renderStep1(result: AnalysisResult): string[] {
  const { identification: id, term, consideration, keyClauses } = result;
  const lines = ["### Step 1 — Identify the contract", ""];
  const title = id.title.value
    ? `“${escapeInline(id.title.value)}”${citeSuffix(id.title.evidence)}`
    : "The agreement";
  lines.push(
    id.parties.length > 0
      ? `${title} is between ${partyList(result)}.`
      : `${title} — the parties could not be identified from the preamble; confirm them manually.`,
  );
  lines.push(
    "",
    `- Agreement date: ${stated(id.agreementDate, "not found")}; effective date: ${stated(id.effectiveDate, "not stated separately")}.`,
  );
  if (term.perpetual.value !== null) {
    lines.push(`- Duration: ${stated(term.perpetual, "")}.`);
  }
  lines.push(
    `- Initial term: ${stated(term.initialTerm, "not found")}; expiration: ${stated(term.expirationDate, "not found")}.`,
    `- Renewal: ${stated(term.renewalTerm, "none found")}; notice to prevent renewal: ${stated(term.renewalNoticePeriod, "not found")}.`,
    `- Payment terms: ${stated(consideration.paymentTerms, "not found")}. Governing law: ${stated(keyClauses.governingLaw, "not found")}.`,
  );
  const convenience = term.terminationRights.filter((r) => r.kind === "convenience");
  lines.push("");
  if (convenience.length > 0) {
    const rights = convenience.map((r) => `${escapeInline(r.display)}${citeSuffix(r.evidence)}`);
    lines.push(
      `Termination for convenience: ${rights.join("; ")}. If the customer can terminate without a substantive penalty, the ASC 606 contract term may be limited to the non-cancellable period (ASC 606-10-25-3).`,
    );
  } else {
    lines.push(
      "No termination-for-convenience right was found, so the stated term is the starting point for the contract duration (ASC 606-10-25-3).",
    );
  }
  lines.push(
    "",
    "The reviewer must still confirm the criteria of ASC 606-10-25-1 that text alone cannot settle: approval and commitment of the parties (signatures), commercial substance, and that collection of the consideration is probable.",
  );
  return lines;
}

const KIND_LABELS: Record<ObligationKind, string> = {
  license: "Licence",
  service: "Services",
  goods: "Goods",
  support: "Support",
  other: "Other promise",
};
const TIMING_LABELS: Record<ObligationTiming, string> = {
  over_time: "over time",
  point_in_time: "at a point in time",
  unknown: "timing to be determined",
};

function obligationHeading(o: PerformanceObligation): string {
  const party = o.party ? ` — ${escapeInline(o.party)}` : "";
  return `**${KIND_LABELS[o.kind]}**${party}`;
}

function renderStep2(result: AnalysisResult): string[] {
  const obligations = result.performanceObligations;
  const lines = ["### Step 2 — Identify the performance obligations", ""];
  if (obligations.length === 0) {
    lines.push(
      "No candidate performance obligations were detected. Review the grant, services and supply clauses manually.",
    );
    return lines;
  }
  lines.push("Candidate promises to transfer goods or services:", "");
  for (const o of obligations) {
    lines.push(
      `- ${obligationHeading(o)}: ${escapeInline(o.description)}${citeSuffix(o.evidence)}`,
    );
  }
  const kinds = new Set(obligations.map((o) => o.kind));
  lines.push(
    "",
    "Assess whether each promise is capable of being distinct and distinct in the context of the contract (ASC 606-10-25-19 to 25-22); promises that are inputs to a combined output form one performance obligation.",
  );
  if (kinds.has("license") && (kinds.has("service") || kinds.has("support"))) {
    lines.push(
      "",
      "The contract combines a licence with services or support: consider whether the licence is distinct from them (ASC 606-10-55-56).",
    );
  }
  return lines;
}

function renderStep3(result: AnalysisResult): string[] {
  const { amounts, paymentTerms, variableConsiderationSignals: signals } = result.consideration;
  const lines = ["### Step 3 — Determine the transaction price", ""];
  if (amounts.length === 0) {
    lines.push(
      "No monetary amounts were found in the text (amounts may be redacted or in schedules).",
    );
  } else {
    lines.push("Amounts stated in the contract:", "");
    for (const amount of amounts.slice(0, MAX_AMOUNTS_LISTED)) {
      lines.push(`- ${escapeInline(amount.display)}${citeSuffix(amount.evidence)}`);
    }
    if (amounts.length > MAX_AMOUNTS_LISTED) {
      lines.push(`- …and ${amounts.length - MAX_AMOUNTS_LISTED} more.`);
    }
    lines.push(
      "",
      "Which of these are fixed consideration for the promised goods or services (rather than caps, thresholds or third-party amounts) needs review.",
    );
  }
  lines.push("", `Payment terms: ${stated(paymentTerms, "not found")}.`);
  if (paymentTerms.value && /^P\d+D$/.test(paymentTerms.value)) {
    lines.push(
      `Payment within ${describeDuration(paymentTerms.value)} suggests no significant financing component (ASC 606-10-32-18 practical expedient), unless performance and payment are otherwise far apart.`,
    );
  }
  lines.push("");
  if (signals.length === 0) {
    lines.push(
      "No variable-consideration wording (royalties, revenue shares, rebates, penalties, minimums) was detected.",
    );
  } else {
    lines.push(
      "Variable consideration and price constraints to estimate (ASC 606-10-32-5 to 32-14):",
      "",
    );
    for (const s of signals) {
      const excerpt = s.evidence ? `: “${escapeInline(shorten(s.evidence.quote))}”` : "";
      lines.push(`- ${escapeInline(s.display)}${citeSuffix(s.evidence)}${excerpt}`);
    }
    if (signals.some((s) => s.kind === "royalty" || s.kind === "revenue_share")) {
      lines.push(
        "",
        "Sales- or usage-based royalties on a licence of IP are recognized when the sale or usage occurs (ASC 606-10-55-65), not estimated up front.",
      );
    }
  }
  return lines;
}

function renderStep4(result: AnalysisResult): string[] {
  const count = result.performanceObligations.length;
  const lines = ["### Step 4 — Allocate the transaction price", ""];
  if (count <= 1) {
    lines.push(
      count === 1
        ? "Only one candidate performance obligation was identified; if confirmed, the whole transaction price is allocated to it."
        : "No performance obligations were identified, so allocation cannot be assessed from the text.",
    );
  } else {
    lines.push(
      `${count} candidate performance obligations were identified. Allocate the transaction price on relative standalone selling prices (ASC 606-10-32-28 to 32-41); the contract does not state standalone selling prices, so they must be estimated.`,
    );
  }
  if (result.consideration.variableConsiderationSignals.length > 0 && count > 1) {
    lines.push(
      "",
      "Consider whether variable amounts relate entirely to one obligation and can be allocated to it alone (ASC 606-10-32-39 to 32-41).",
    );
  }
  return lines;
}

function renderStep5(result: AnalysisResult): string[] {
  const lines = ["### Step 5 — Recognize revenue", ""];
  if (result.performanceObligations.length === 0) {
    lines.push(
      "Without identified performance obligations, the pattern of recognition cannot be proposed.",
    );
    return lines;
  }
  for (const o of result.performanceObligations) {
    lines.push(
      `- ${obligationHeading(o)}: ${TIMING_LABELS[o.timing]}. ${escapeInline(o.timingBasis)}${citeSuffix(o.evidence)}`,
    );
  }
  return lines;
}

/** The five ASC 606 steps, written from the findings with citations. */
export function renderAsc606Steps(result: AnalysisResult): string {
  return [
    ...renderStep1(result),
    "",
    ...renderStep2(result),
    "",
    ...renderStep3(result),
    "",
    ...renderStep4(result),
    "",
    ...renderStep5(result),
  ].join("\n");
}
