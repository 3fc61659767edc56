import type { AnalysisResult, Finding } from "../result-schema";
import { escapeTableCell } from "./escape-markdown";
import { formatCitation } from "./format-citation";

type Row = { term: string; finding: Finding };

function rowsFor(result: AnalysisResult): Row[] {
  const { identification: id, term, consideration, keyClauses: k } = result;
  const rows: Row[] = [{ term: "Title", finding: id.title }];
  if (id.parties.length === 0) {
    rows.push({ term: "Parties", finding: { value: null, display: "Not found", evidence: null } });
  }
  for (const party of id.parties) {
    rows.push({ term: party.role ? `Party (${party.role})` : "Party", finding: party });
  }
  rows.push(
    { term: "Agreement date", finding: id.agreementDate },
    { term: "Effective date", finding: id.effectiveDate },
    { term: "Initial term", finding: term.initialTerm },
    { term: "Expiration", finding: term.expirationDate },
  );
  if (term.perpetual.value !== null) rows.push({ term: "Duration", finding: term.perpetual });
  rows.push(
    { term: "Renewal", finding: term.renewalTerm },
    { term: "Renewal notice", finding: term.renewalNoticePeriod },
  );
  for (const right of term.terminationRights)
    rows.push({ term: "Termination right", finding: right });
  rows.push(
    { term: "Payment terms", finding: consideration.paymentTerms },
    { term: "Governing law", finding: k.governingLaw },
    { term: "Liability cap", finding: k.liabilityCap },
    { term: "Exclusivity", finding: k.exclusivity },
    { term: "Non-compete", finding: k.nonCompete },
    { term: "Assignment", finding: k.assignment },
    { term: "Confidentiality", finding: k.confidentiality },
  );
  return rows;
}

/** The key-terms table: term | finding | citation. */
export function renderKeyTermsTable(result: AnalysisResult): string {
  const lines = ["| Term | Finding | Citation |", "| --- | --- | --- |"];
  for (const { term, finding } of rowsFor(result)) {
    const cells = [term, finding.display, formatCitation(finding.evidence)].map(escapeTableCell);
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
