import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResult, TerminationRight } from "@/lib/analysis/result-schema";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { getDocumentIndex } from "@/lib/analysis/text/document-index";
import { evidenceCovering } from "@/lib/analysis/text/make-evidence";
import { findEvidenceViolations } from "@/scripts/eval/find-evidence-violations";
import { listContractFiles, loadContract, toExtractedText } from "./load-contract";

// A handful of contracts from the dev half of the CUAD sample, between them holding every kind
// of finding the evidence check covers (CUAD v1, CC BY 4.0; see ../shared/contracts).
const CONTRACTS = {
  anixa: "ANIXABIOSCIENCESINC_06_09_2020",
  aimmune: "AimmuneTherapeuticsInc_20200205",
  centrack: "CENTRACKINTERNATIONALINC_10_29_1999",
  leadersonline: "LeadersonlineInc_20000427",
  mrsFields: "MRSFIELDSORIGINALCOOKIESINC_01_29_1998",
  profound: "PROFOUNDMEDICALCORP_08_29_2019",
  todos: "TodosMedicalLtd_20190328",
} as const;
type ContractName = keyof typeof CONTRACTS;

const results = new Map<ContractName, AnalysisResult>();

beforeAll(async () => {
  const files = listContractFiles();
  for (const [name, prefix] of Object.entries(CONTRACTS) as [ContractName, string][]) {
    const file = files.find((f) => f.startsWith(prefix));
    if (!file) throw new Error(`missing contract ${prefix}`);
    results.set(name, await runAnalysis(loadContract(file)));
  }
}, 30_000);

function resultOf(name: ContractName): AnalysisResult {
  const result = results.get(name);
  if (!result) throw new Error(`not analysed: ${name}`);
  return result;
}

function rightOf(name: ContractName, kind: TerminationRight["kind"]): TerminationRight {
  const right = resultOf(name).term.terminationRights.find((r) => r.kind === kind);
  expect(right, `${name}: a ${kind} termination right`).toBeDefined();
  return right as TerminationRight;
}

const quoteOf = (finding: { evidence: { quote: string } | null }) => finding.evidence?.quote ?? "";

describe("evidence quotes establish their findings (real contracts)", () => {
  it("leaves no finding with a quote that lacks the words establishing it", () => {
    for (const [name, result] of results) {
      expect(findEvidenceViolations(result), name).toEqual([]);
    }
  });

  it("quotes a termination right for breach with the right and the breach", () => {
    const quote = quoteOf(rightOf("anixa", "breach"));
    expect(quote).toMatch(/\bterminat/i);
    expect(quote).toMatch(/\bbreach/i);
  });

  it("never cites a force-majeure clause as a termination right for breach", () => {
    const rights = ["profound", "leadersonline"].flatMap(
      (name) => resultOf(name as ContractName).term.terminationRights,
    );
    const forceMajeure = rights.filter((r) => /force\s+majeure/i.test(quoteOf(r)));
    // Profound's "(c) … due to a Force Majeure event for a period of … the other Party may
    // terminate" is a right, on other grounds than breach.
    expect(forceMajeure.length).toBeGreaterThan(0);
    for (const right of forceMajeure) expect(right.kind).not.toBe("breach");
    for (const right of rights.filter((r) => r.kind === "breach")) {
      expect(quoteOf(right)).not.toMatch(/force\s+majeure/i);
    }
  });

  it("quotes a termination right for convenience with the convenience words", () => {
    const right = rightOf("aimmune", "convenience");
    expect(quoteOf(right)).toMatch(/\bterminat[\s\S]*\bconvenience\b/i);
    expect(right.noticePeriod).toBe("P60D");
    expect(quoteOf(right)).toMatch(/sixty \(60\) days/);
  });

  it("quotes a termination right on insolvency with the insolvency words", () => {
    const quote = quoteOf(rightOf("aimmune", "insolvency"));
    expect(quote).toMatch(/\bterminat/i);
    expect(quote).toMatch(/bankruptcy|receivership|insolven/i);
  });

  it("quotes a liability cap with the limit and the amount it names", () => {
    const byFees = resultOf("todos").keyClauses.liabilityCap;
    expect(byFees.value).toBe("fees_paid");
    expect(quoteOf(byFees)).toMatch(/\bliability\b[\s\S]*\blimited\b/i);
    expect(quoteOf(byFees)).toMatch(/\bpaid|\bpayable/i);
    const byAmount = resultOf("mrsFields").keyClauses.liabilityCap;
    expect(byAmount.display).toBe("Liability capped at $5,000.00");
    expect(quoteOf(byAmount)).toContain("$5,000.00");
    expect(quoteOf(byAmount)).toMatch(/\bliab/i);
  });

  it("quotes exclusivity, non-compete, assignment and confidentiality in their own words", () => {
    const aimmune = resultOf("aimmune").keyClauses;
    expect(quoteOf(aimmune.exclusivity)).toMatch(/\bexclusive\b/i);
    const todos = resultOf("todos").keyClauses;
    expect(quoteOf(todos.nonCompete)).toMatch(/\bcompet/i);
    expect(quoteOf(todos.confidentiality)).toMatch(/\bconfiden/i);
    const anixa = resultOf("anixa").keyClauses.assignment;
    expect(anixa.value).toBe("consent_required");
    expect(quoteOf(anixa)).toMatch(/\bassign\b[\s\S]*\bconsent\b/i);
  });

  it("quotes payment terms where the payment is, not a cure period or a report deadline", () => {
    const terms = resultOf("anixa").consideration.paymentTerms;
    expect(terms.value).toBe("P30D");
    expect(quoteOf(terms)).toMatch(/thirty \(30\) days after delivery of an invoice/);
    // Mrs. Fields' first "within ten (10) days" is a franchisee's time to start repairs.
    const mrsFields = resultOf("mrsFields").consideration.paymentTerms;
    expect(quoteOf(mrsFields)).toMatch(/\bpay\b/i);
  });

  it("quotes each amount where it is written", () => {
    const amounts = resultOf("centrack").consideration.amounts;
    expect(amounts.length).toBeGreaterThan(0);
    for (const amount of amounts) {
      expect(quoteOf(amount)).toContain(amount.display.replace(/\s+\([A-Z]{3}\)$/, ""));
    }
  });

  it("quotes each performance obligation with what it promises", () => {
    const license = resultOf("aimmune").performanceObligations.find((o) => o.kind === "license");
    expect(license).toBeDefined();
    expect(license?.evidence.quote).toMatch(/\bgrants?\b[\s\S]*\blicen[cs]e\b/i);
  });
});

describe("termination rights in list clauses (modelled on real drafting)", () => {
  const rightsIn = async (text: string) =>
    (await runAnalysis(toExtractedText(text))).term.terminationRights;

  it("grants one right per ground, each quoted with its own ground", async () => {
    const rights = await rightsIn(
      "11.2 A party may terminate this Agreement upon the occurrence of any of the following events: (a) the other party materially breaches this Agreement and continues in such breach for thirty (30) days after written notice; or (b) the other party is declared insolvent or is the subject of bankruptcy proceedings.",
    );
    expect(rights.map((r) => r.kind).sort()).toEqual(["breach", "insolvency"]);
  });

  it("reads a change of control as its own ground", async () => {
    const [right] = await rightsIn(
      "Either Party may terminate this Agreement upon thirty (30) days' written notice in the event of a Change of Control of the other Party.",
    );
    expect(right?.kind).toBe("change_of_control");
    expect(right?.noticePeriod).toBe("P30D");
  });

  it("does not take a failure excused by force majeure for a breach", async () => {
    const rights = await rightsIn(
      "If a Party fails to perform any material obligation due to a Force Majeure event for a period of ninety (90) days or more, the other Party may terminate this Agreement without liability.",
    );
    expect(rights.map((r) => r.kind)).toEqual(["other"]);
  });

  it("finds no right where a right is denied", async () => {
    expect(
      await rightsIn(
        "Neither party shall be liable to the other for loss or damages or shall have any right to terminate this Agreement for any default or delay attributable to any force majeure. BSP does not have the right to require Datec to terminate any person's employment.",
      ),
    ).toEqual([]);
  });

  it("finds no right where the agreement is not terminable or ends by mutual agreement", async () => {
    expect(
      await rightsIn(
        "The license rights provided in this Article III shall not be terminable or revocable for any reason. 18.2 This Agreement may be terminated at any time during the Initial Period by agreement in writing of all the Parties.",
      ),
    ).toEqual([]);
  });
});

describe("evidenceCovering", () => {
  const index = getDocumentIndex(
    toExtractedText(
      `Licensor may terminate this Agreement upon notice if: ${"the Licensee fails to deliver the reports required under Section 4 on time, ".repeat(5)}or the Licensee becomes insolvent.`,
    ),
  );
  const sentence = index.sentences[0];

  it("quotes both ends of a span that fits in a quote", () => {
    if (!sentence) throw new Error("no sentence");
    const from = sentence.start + sentence.text.indexOf("Section 4 on time, or");
    const evidence = evidenceCovering(index, sentence, from, sentence.end);
    expect(evidence?.quote).toMatch(/Section 4 on time, or the Licensee becomes insolvent\.$/);
  });

  it("returns null when the words that establish a finding cannot all be quoted", () => {
    if (!sentence) throw new Error("no sentence");
    const verb = sentence.start + sentence.text.indexOf("terminate");
    const ground = sentence.start + sentence.text.indexOf("insolvent") + "insolvent".length;
    expect(evidenceCovering(index, sentence, verb, ground)).toBeNull();
  });
});
