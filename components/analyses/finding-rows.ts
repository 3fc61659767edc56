import type { AnalysisResult, Evidence, RiskSeverity } from "@/lib/analysis/result-schema";

export type FindingRow = {
  id: string;
  label: string;
  display: string;
  evidence: Evidence | null;
  severity?: RiskSeverity;
};

export type FindingSection = { title: string; rows: FindingRow[] };

const KIND_LABELS: Record<string, string> = {
  license: "Licence",
  service: "Service",
  goods: "Goods",
  support: "Support",
  other: "Other",
};

/** The result as the sections and rows the findings view shows, each with its evidence. */
export function findingSections(result: AnalysisResult): FindingSection[] {
  const id = result.identification;
  const t = result.term;
  const c = result.consideration;
  const k = result.keyClauses;
  const row = (key: string, label: string, f: { display: string; evidence: Evidence | null }) => ({
    id: key,
    label,
    display: f.display,
    evidence: f.evidence,
  });
  return [
    {
      title: "The contract",
      rows: [
        row("title", "Title", id.title),
        ...id.parties.map((p, i) =>
          row(
            `party-${i}`,
            p.role ? `Party (${p.role})` : p.definedAs ? `Party (“${p.definedAs}”)` : "Party",
            p,
          ),
        ),
        row("agreement-date", "Agreement date", id.agreementDate),
        row("effective-date", "Effective date", id.effectiveDate),
      ],
    },
    {
      title: "Term and termination",
      rows: [
        row("initial-term", "Initial term", t.initialTerm),
        row("expiration", "Expiration", t.expirationDate),
        ...(t.perpetual.value ? [row("perpetual", "Perpetual", t.perpetual)] : []),
        row("renewal", "Renewal", t.renewalTerm),
        row("renewal-notice", "Notice to stop renewal", t.renewalNoticePeriod),
        ...t.terminationRights.map((r, i) => row(`termination-${i}`, "Termination right", r)),
      ],
    },
    {
      title: "Consideration",
      rows: [
        ...c.amounts.map((a, i) => row(`amount-${i}`, "Amount", a)),
        row("payment-terms", "Payment terms", c.paymentTerms),
        ...c.variableConsiderationSignals.map((s, i) =>
          row(`variable-${i}`, "Variable consideration", s),
        ),
      ],
    },
    {
      title: "Performance obligations",
      rows: result.performanceObligations.map((o, i) => ({
        id: `obligation-${i}`,
        label: `${KIND_LABELS[o.kind] ?? o.kind}${o.party ? ` — ${o.party}` : ""}`,
        display: `${o.description} (${o.timing === "over_time" ? "over time" : o.timing === "point_in_time" ? "at a point in time" : "timing unclear"}: ${o.timingBasis})`,
        evidence: o.evidence,
      })),
    },
    {
      title: "Key clauses",
      rows: [
        row("governing-law", "Governing law", k.governingLaw),
        row("liability-cap", "Liability cap", k.liabilityCap),
        row("exclusivity", "Exclusivity", k.exclusivity),
        row("non-compete", "Non-compete", k.nonCompete),
        row("assignment", "Assignment", k.assignment),
        row("confidentiality", "Confidentiality", k.confidentiality),
      ],
    },
    {
      title: "Risk flags",
      rows: result.riskFlags.map((f, i) => ({
        id: `risk-${i}`,
        label: f.code.replaceAll("_", " "),
        display: f.explanation,
        evidence: f.evidence,
        severity: f.severity,
      })),
    },
  ].filter((section) => section.rows.length > 0);
}

/** Where `quote` sits in `text`, ignoring differences in whitespace; null if it is not there. */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(
    words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+"),
    "i",
  );
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}
