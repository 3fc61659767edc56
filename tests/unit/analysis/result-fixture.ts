import type { AnalysisResult, Finding } from "@/lib/analysis/result-schema";

const none = (): Finding => ({ value: null, display: "Not found", evidence: null });

/** A schema-valid result with nothing found; tests override the parts they need. */
export function emptyResult(): AnalysisResult {
  return {
    version: 1,
    identification: { title: none(), parties: [], agreementDate: none(), effectiveDate: none() },
    term: {
      initialTerm: none(),
      expirationDate: none(),
      perpetual: none(),
      renewalTerm: { ...none(), automatic: null },
      renewalNoticePeriod: none(),
      terminationRights: [],
    },
    consideration: { amounts: [], paymentTerms: none(), variableConsiderationSignals: [] },
    performanceObligations: [],
    keyClauses: {
      governingLaw: none(),
      liabilityCap: none(),
      exclusivity: none(),
      nonCompete: none(),
      assignment: none(),
      confidentiality: none(),
    },
    riskFlags: [],
  };
}
