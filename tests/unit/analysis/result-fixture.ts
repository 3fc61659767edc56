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

const onPage = (unit: number, quote: string) => ({ quote, unit, unitLabel: "page" as const });

/**
 * A result like a real multi-page contract's, with the text a memo must carry through every
 * format: accents (Société, Müller, Köln), an em dash, curly quotes and page citations.
 */
export function realisticResult(): AnalysisResult {
  const result = emptyResult();
  const preamble = onPage(
    1,
    "This Master Services Agreement is made between Société Générale S.A. (“SG”) and Müller GmbH — a company registered in Köln (the “Supplier”).",
  );
  result.identification = {
    title: {
      value: "Master Services Agreement",
      display: "Master Services Agreement",
      evidence: preamble,
    },
    parties: [
      {
        value: "Société Générale S.A.",
        display: "Société Générale S.A. (“SG”)",
        evidence: preamble,
        definedAs: "SG",
        role: "Customer",
      },
      {
        value: "Müller GmbH",
        display: "Müller GmbH (“Supplier”)",
        evidence: preamble,
        definedAs: "Supplier",
        role: "Supplier",
      },
    ],
    agreementDate: {
      value: "2024-03-01",
      display: "March 1, 2024",
      evidence: onPage(1, "dated as of March 1, 2024"),
    },
    effectiveDate: {
      value: "2024-04-01",
      display: "April 1, 2024",
      evidence: onPage(2, "effective April 1, 2024 (the “Effective Date”)"),
    },
  };
  const termQuote = onPage(
    4,
    "The initial term is three (3) years and renews automatically for successive one-year periods unless either party gives ninety (90) days’ notice.",
  );
  result.term = {
    initialTerm: { value: "P3Y", display: "3 years", evidence: termQuote },
    expirationDate: {
      value: "2027-04-01",
      display: "April 1, 2027 (computed: 3 years from April 1, 2024)",
      evidence: termQuote,
    },
    perpetual: { value: null, display: "Not found", evidence: null },
    renewalTerm: {
      value: "P1Y",
      display: "Renews automatically for periods of 1 year",
      evidence: termQuote,
      automatic: true,
    },
    renewalNoticePeriod: {
      value: "P90D",
      display: "90 days before the term ends",
      evidence: termQuote,
    },
    terminationRights: [
      {
        value: "breach",
        display: "Either party may terminate for breach",
        evidence: onPage(9, "Either party may terminate this Agreement upon a material breach."),
        kind: "breach",
        party: "Either party",
        noticePeriod: "P30D",
      },
    ],
  };
  result.consideration = {
    amounts: [
      {
        value: "1250000.00",
        display: "€1,250,000 (EUR)",
        evidence: onPage(6, "SG shall pay the Supplier €1,250,000 per year."),
        currency: "EUR",
      },
    ],
    paymentTerms: {
      value: "P30D",
      display: "Due within 30 days",
      evidence: onPage(6, "Invoices are due within thirty (30) days of receipt."),
    },
    variableConsiderationSignals: [
      {
        value: "service_credit",
        display: "Penalty or service credit",
        evidence: onPage(7, "Service credits of 5% apply for each missed service level."),
        kind: "penalty",
      },
    ],
  };
  result.performanceObligations = [
    {
      party: "Supplier",
      description: "provide hosted payroll services to SG",
      kind: "service",
      timing: "over_time",
      timingBasis: "Services are consumed as they are performed.",
      evidence: onPage(3, "The Supplier shall provide hosted payroll services to SG."),
    },
    {
      party: "Supplier",
      description: "grant SG a licence to the reporting software",
      kind: "license",
      timing: "point_in_time",
      timingBasis: "A right to use the software as it exists when granted.",
      evidence: onPage(
        3,
        "The Supplier grants SG a non-exclusive licence to the reporting software.",
      ),
    },
  ];
  result.keyClauses = {
    governingLaw: {
      value: "England and Wales",
      display: "England and Wales",
      evidence: onPage(12, "This Agreement is governed by the laws of England and Wales."),
    },
    liabilityCap: { value: null, display: "Not found", evidence: null },
    exclusivity: {
      value: "exclusive",
      display: "Exclusive supplier of payroll services",
      evidence: onPage(
        5,
        "SG appoints the Supplier as its exclusive supplier of payroll services.",
      ),
    },
    nonCompete: { value: null, display: "Not found", evidence: null },
    assignment: {
      value: "consent",
      display: "Assignment requires the other party's consent",
      evidence: onPage(11, "Neither party may assign this Agreement without the other’s consent."),
    },
    confidentiality: {
      value: "present",
      display: "Confidentiality obligations",
      evidence: onPage(10, "Each party shall keep the other’s Confidential Information secret."),
    },
  };
  result.riskFlags = [
    {
      code: "auto_renewal",
      severity: "medium",
      explanation:
        "The agreement renews automatically unless notice is given 90 days before the term ends.",
      evidence: termQuote,
    },
    {
      code: "uncapped_liability",
      severity: "high",
      explanation: "No limitation of liability was found.",
      evidence: null,
    },
    {
      code: "exclusivity",
      severity: "low",
      explanation: "SG appoints the Supplier as its exclusive supplier.",
      evidence: onPage(
        5,
        "SG appoints the Supplier as its exclusive supplier of payroll services.",
      ),
    },
  ];
  return result;
}

/** A result long enough to fill several printed pages: many promises and amounts. */
export function longResult(): AnalysisResult {
  const result = realisticResult();
  const [obligation] = result.performanceObligations;
  const [amount] = result.consideration.amounts;
  for (let i = 1; i <= 40; i++) {
    result.performanceObligations.push({
      ...obligation!,
      description: `provide service level ${i} described in Schedule ${i}`,
      evidence: onPage(20 + i, `Schedule ${i}: the Supplier shall provide service level ${i}.`),
    });
    result.term.terminationRights.push({
      ...result.term.terminationRights[0]!,
      display: `SG may terminate Schedule ${i} on notice`,
      evidence: onPage(20 + i, `SG may terminate Schedule ${i} on thirty days’ notice.`),
    });
  }
  result.consideration.amounts = Array.from({ length: 12 }, (_, i) => ({
    ...amount!,
    display: `€${i + 1}0,000 (EUR)`,
  }));
  return result;
}
