import { describe, expect, it } from "vitest";
import type { AnalysisResult, Evidence } from "@/lib/analysis/result-schema";
import {
  formatEvalLine,
  formatEvalPresentLine,
  formatMisses,
} from "@/scripts/eval/format-eval-report";
import { readEngineAnswers } from "@/scripts/eval/read-engine-answers";
import { scoreContracts } from "@/scripts/eval/score-contracts";
import type { CuadLabel } from "@/scripts/eval/types";
import { emptyResult } from "./result-fixture";

const evidence: Evidence = { quote: "x", unit: 1, unitLabel: "page" };
const found = (value: string) => ({ value, display: value, evidence });

function label(overrides: Partial<CuadLabel["answers"]["exact"]> = {}): CuadLabel {
  return {
    pdfFile: "a.pdf",
    txtFile: "a.txt",
    answers: {
      parties: 'Corio Inc. ("CORIO"); Commerce One, Inc. ("COMMERCE ONE")',
      exact: {
        governing_law: "California",
        agreement_date: "10/29/99",
        effective_date: "10/29/99",
        expiration_date: "perpetual",
        renewal_term: "successive 1 year",
        notice_period: "",
        ...overrides,
      },
      flags: {
        revenue_profit_sharing: "Yes",
        price_restrictions: "No",
        minimum_commitment: "No",
        volume_restriction: "No",
      },
    },
  };
}

function result(): AnalysisResult {
  const r = emptyResult();
  r.identification.agreementDate = found("1999-10-29");
  r.identification.effectiveDate = found("1999-10-29");
  r.identification.parties = ["Corio Inc.", "Commerce One, Inc."].map((name) => ({
    ...found(name),
    definedAs: null,
    role: null,
  }));
  r.term.perpetual = found("perpetual");
  r.term.renewalTerm = { ...found("P12M"), automatic: true };
  r.keyClauses.governingLaw = found("California");
  r.consideration.variableConsiderationSignals = [{ ...found("royalty"), kind: "royalty" }];
  return r;
}

describe("readEngineAnswers", () => {
  it("reads the result in the labels' terms", () => {
    expect(readEngineAnswers(result())).toEqual({
      exact: {
        governing_law: "California",
        agreement_date: "1999-10-29",
        effective_date: "1999-10-29",
        expiration_date: "perpetual",
        renewal_term: "P1Y",
        notice_period: null,
      },
      parties: ["Corio Inc.", "Commerce One, Inc."],
      flags: {
        revenue_profit_sharing: true,
        price_restrictions: false,
        minimum_commitment: false,
        volume_restriction: false,
      },
    });
  });

  it("answers no effective date when the engine states none (CUAD leaves it empty)", () => {
    const r = result();
    r.identification.effectiveDate = { value: null, display: "Not found", evidence: null };
    expect(readEngineAnswers(r).exact.effective_date).toBeNull();
  });

  it("prefers a stated or computed end date over the perpetual reading", () => {
    const r = result();
    r.term.expirationDate = found("2004-10-29");
    expect(readEngineAnswers(r).exact.expiration_date).toBe("2004-10-29");
  });
});

describe("scoreContracts", () => {
  it("scores every field and lists the misses", () => {
    const report = scoreContracts([
      { label: label(), answers: readEngineAnswers(result()) },
      { label: label({ governing_law: "Delaware" }), answers: readEngineAnswers(result()) },
    ]);
    expect(report.exact.governing_law).toEqual({ score: 0.5, correct: 1, total: 2, skipped: 0 });
    expect(report.exact.notice_period.score).toBe(1);
    expect(report.partiesF1).toBe(1);
    expect(report.paymentFlags).toBe(1);
    expect(report.misses).toEqual([
      { file: "a.pdf", field: "governing_law", expected: "Delaware", found: "California" },
    ]);
    expect(formatMisses(report)).toContain("governing_law: expected Delaware; found California");
  });

  it("ends with one summary line of two-decimal numbers", () => {
    const report = scoreContracts([{ label: label(), answers: readEngineAnswers(result()) }]);
    expect(formatEvalLine(report)).toBe(
      "eval: governing_law 1.00, agreement_date 1.00, effective_date 1.00, expiration_date 1.00, renewal_term 1.00, notice_period 1.00, parties_f1 1.00, payment_flags 1.00",
    );
  });

  it("adds a second line of recall on present labels and precision of answers", () => {
    const report = scoreContracts([
      { label: label(), answers: readEngineAnswers(result()) },
      { label: label({ governing_law: "Delaware" }), answers: readEngineAnswers(result()) },
      { label: label({ governing_law: "" }), answers: readEngineAnswers(result()) },
    ]);
    // Law: 2 labelled, 1 found right (R 0.50); 3 answered, 1 right (P 0.33). Notice: none labelled.
    expect(formatEvalPresentLine(report)).toBe(
      "eval-present: governing_law 0.50/0.33, agreement_date 1.00/1.00, effective_date 1.00/1.00, expiration_date 1.00/1.00, renewal_term 1.00/1.00, notice_period 0.00/0.00",
    );
  });
});
