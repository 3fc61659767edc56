import type { AnalysisResult, Evidence } from "../result-schema";
import { escapeInline } from "./escape-markdown";
import { formatCitation } from "./format-citation";

type Quoted = { label: string; evidence: Evidence | null };

/** The quote behind each key term, so a reviewer can check findings without the table. */
export function renderEvidenceList(result: AnalysisResult): string {
  const { identification: id, term, keyClauses: k } = result;
  const items: Quoted[] = [
    { label: "Title", evidence: id.title.evidence },
    ...id.parties.map((p) => ({ label: `Party: ${p.value ?? ""}`, evidence: p.evidence })),
    { label: "Agreement date", evidence: id.agreementDate.evidence },
    { label: "Effective date", evidence: id.effectiveDate.evidence },
    { label: "Initial term", evidence: term.initialTerm.evidence },
    { label: "Expiration", evidence: term.expirationDate.evidence },
    { label: "Duration", evidence: term.perpetual.evidence },
    { label: "Renewal", evidence: term.renewalTerm.evidence },
    { label: "Renewal notice", evidence: term.renewalNoticePeriod.evidence },
    { label: "Payment terms", evidence: result.consideration.paymentTerms.evidence },
    { label: "Governing law", evidence: k.governingLaw.evidence },
    { label: "Liability cap", evidence: k.liabilityCap.evidence },
    { label: "Exclusivity", evidence: k.exclusivity.evidence },
    { label: "Non-compete", evidence: k.nonCompete.evidence },
    { label: "Assignment", evidence: k.assignment.evidence },
    { label: "Confidentiality", evidence: k.confidentiality.evidence },
  ];
  const lines = items
    .filter((item): item is { label: string; evidence: Evidence } => item.evidence !== null)
    .map(
      ({ label, evidence }) =>
        `- **${escapeInline(label)}** (${formatCitation(evidence)}): “${escapeInline(evidence.quote)}”`,
    );
  return lines.length > 0 ? lines.join("\n") : "No quotes were extracted.";
}
