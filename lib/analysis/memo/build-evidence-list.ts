import type { AnalysisResult, Evidence } from "../result-schema";
import { formatCitation } from "./format-citation";
import type { MemoBlock } from "./memo-model";
import { plain, quoted, strong } from "./memo-runs";

type Quoted = { label: string; evidence: Evidence | null };

/** The quote behind each key term, so a reviewer can check findings without the table. */
export function buildEvidenceList(result: AnalysisResult): MemoBlock {
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
  const cited = items.filter(
    (item): item is { label: string; evidence: Evidence } => item.evidence !== null,
  );
  if (cited.length === 0) {
    return { kind: "paragraph", runs: [plain("No quotes were extracted.")] };
  }
  return {
    kind: "list",
    items: cited.map(({ label, evidence }) => ({
      runs: [
        strong(label),
        plain(" ("),
        { text: formatCitation(evidence), style: "citation" },
        plain("): "),
        ...quoted(evidence.quote),
      ],
    })),
  };
}
