import type { AnalysisResult, Finding } from "../result-schema";
import { formatCitation } from "./format-citation";
import type { MemoBlock } from "./memo-model";
import { oneLine } from "./memo-runs";

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
export function buildKeyTermsTable(result: AnalysisResult): MemoBlock {
  return {
    kind: "table",
    columns: ["Term", "Finding", "Citation"],
    rows: rowsFor(result).map(({ term, finding }) => [
      oneLine(term),
      oneLine(finding.display),
      formatCitation(finding.evidence),
    ]),
  };
}
