import { describe, expect, it } from "vitest";
import { createAnalysisDraft, finalizeAnalysisDraft } from "@/lib/analysis/analysis-draft";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { ANALYSIS_STEPS } from "@/lib/analysis/steps";
import { loadContract, toExtractedText } from "./load-contract";

const SAMPLE = toExtractedText(
  [
    'This Supply Agreement (the "Agreement") is entered into as of March 3, 2021 (the "Effective Date") by and between Acme Widgets, Inc., a Delaware corporation ("Supplier"), and Globex LLC, a Texas limited liability company ("Customer").',
    "Supplier shall supply the Products to Customer in accordance with purchase orders. Customer shall pay each invoice within thirty (30) days after receipt of the invoice.",
    "The term of this Agreement shall commence on the Effective Date and continue for a period of three (3) years. Thereafter this Agreement shall automatically renew for successive one (1) year periods unless either party gives at least sixty (60) days prior written notice of non-renewal.",
    "Either party may terminate this Agreement for convenience upon ninety (90) days written notice.",
    "This Agreement shall be governed by and construed in accordance with the laws of the State of New York.",
  ].join("\n\n"),
);

describe("ANALYSIS_STEPS", () => {
  it("defines the five steps in order", () => {
    expect(ANALYSIS_STEPS.map((s) => s.id)).toEqual([
      "identify",
      "term",
      "consideration",
      "obligations",
      "clauses",
    ]);
    for (const step of ANALYSIS_STEPS) expect(step.label.length).toBeGreaterThan(5);
  });

  it("produces the same result when run one by one, as the worker does", async () => {
    const draft = createAnalysisDraft();
    for (const step of ANALYSIS_STEPS) await step.run(SAMPLE, draft);
    expect(finalizeAnalysisDraft(draft)).toEqual(await runAnalysis(SAMPLE));
  });

  it("refuses to finalize a draft with missing sections", async () => {
    const draft = createAnalysisDraft();
    await ANALYSIS_STEPS[0]?.run(SAMPLE, draft);
    expect(() => finalizeAnalysisDraft(draft)).toThrow();
  });
});

describe("runAnalysis", () => {
  it("reads a simple contract", async () => {
    const result = await runAnalysis(SAMPLE);
    expect(result.identification.parties.map((p) => [p.value, p.role])).toEqual([
      ["Acme Widgets, Inc.", "Supplier"],
      ["Globex LLC", "Customer"],
    ]);
    expect(result.identification.effectiveDate.value).toBe("2021-03-03");
    expect(result.term.initialTerm.value).toBe("P3Y");
    expect(result.term.expirationDate.value).toBe("2024-03-03");
    expect(result.term.renewalTerm).toMatchObject({ value: "P1Y", automatic: true });
    expect(result.term.renewalNoticePeriod.value).toBe("P60D");
    expect(result.term.terminationRights[0]).toMatchObject({
      kind: "convenience",
      party: "Either party",
      noticePeriod: "P90D",
    });
    expect(result.consideration.paymentTerms.value).toBe("P30D");
    expect(result.keyClauses.governingLaw.value).toBe("New York");
    expect(result.performanceObligations[0]).toMatchObject({
      party: "Supplier",
      kind: "goods",
      timing: "point_in_time",
    });
    const codes = result.riskFlags.map((f) => f.code);
    expect(codes).toContain("auto_renewal");
    expect(codes).toContain("uncapped_liability");
    expect(codes).toContain("termination_for_convenience");
  });

  it("reports each step before running it", async () => {
    const seen: string[] = [];
    await runAnalysis(SAMPLE, {
      onStep: async (index, step) => {
        seen.push(`${index}:${step.id}`);
      },
    });
    expect(seen).toEqual(["0:identify", "1:term", "2:consideration", "3:obligations", "4:clauses"]);
  });

  it("throws the abort reason when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runAnalysis(SAMPLE, { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("stops between steps when aborted mid-run", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runAnalysis(SAMPLE, {
      signal: controller.signal,
      onStep: async (index) => {
        seen.push(index);
        if (index === 2) controller.abort(new Error("cancelled by user"));
      },
    });
    await expect(run).rejects.toThrow("cancelled by user");
    expect(seen).toEqual([0, 1, 2]);
  });

  it("makes each step check the signal while scanning", () => {
    const controller = new AbortController();
    controller.abort();
    for (const step of ANALYSIS_STEPS) {
      expect(() => step.run(SAMPLE, createAnalysisDraft(), controller.signal)).toThrow();
    }
  });

  // Speed is bench:analysis's business (no timing thresholds in unit tests); this checks that
  // every step gets through the longest sample and the draft comes out whole.
  it("runs each step through the longest sample contract", () => {
    const text = loadContract(
      "MANUFACTURERSSERVICESLTD_06_05_2000-EX-10.14-OUTSOURCING AGREEMENT.txt",
    );
    const draft = createAnalysisDraft();
    for (const step of ANALYSIS_STEPS) step.run(text, draft);
    expect(finalizeAnalysisDraft(draft).identification.parties.length).toBeGreaterThan(0);
  });
});

describe("runAnalysis on empty input", () => {
  it("returns a valid result with nothing found", async () => {
    const result = await runAnalysis(toExtractedText("   \n\n  "));
    expect(result.identification.parties).toEqual([]);
    expect(result.keyClauses.governingLaw).toEqual({
      value: null,
      display: "Not found",
      evidence: null,
    });
    expect(result.riskFlags.map((f) => f.code)).toContain("missing_governing_law");
  });
});
