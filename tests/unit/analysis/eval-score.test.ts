import { describe, expect, it } from "vitest";
import { isYesAnswer, scoreBalancedAccuracy } from "@/scripts/eval/score-balanced-accuracy";
import {
  detailExactMatches,
  isExactMatch,
  scoreExactMatches,
} from "@/scripts/eval/score-exact-match";
import { scorePartyF1, tokenizePartyNames } from "@/scripts/eval/score-party-f1";

describe("scoreExactMatches", () => {
  it("counts not present as right only when nothing was found", () => {
    expect(isExactMatch({ kind: "absent" }, null)).toBe(true);
    expect(isExactMatch({ kind: "absent" }, "P1Y")).toBe(false);
    expect(isExactMatch({ kind: "values", values: ["P1Y", "P6M"] }, "P6M")).toBe(true);
    expect(isExactMatch({ kind: "values", values: ["P1Y"] }, null)).toBe(false);
  });

  it("leaves unscorable labels out of the score", () => {
    const score = scoreExactMatches([
      { expected: { kind: "values", values: ["2004-12-16"] }, found: "2004-12-16" },
      { expected: { kind: "absent" }, found: "2004-12-16" },
      { expected: { kind: "unscorable", raw: "?" }, found: null },
    ]);
    expect(score).toEqual({ score: 0.5, correct: 1, total: 2, skipped: 1 });
  });
});

describe("scorePartyF1", () => {
  it("ignores case, punctuation, articles and how legal forms are spelled", () => {
    expect(scorePartyF1(["Sorrent, Inc"], ["SORRENT, INC."])).toBe(1);
    expect(scorePartyF1(["The Naked Brands Group, Inc"], ["Naked Brands Group Incorporated"])).toBe(
      1,
    );
    expect(tokenizePartyNames(["DATEC (PNG) LIMITED"])).toEqual(["datec", "png", "ltd"]);
  });

  it("scores partial and extra names by token overlap", () => {
    // 2 of 3 expected tokens found, 2 of 2 found tokens right: P = 1, R = 2/3.
    expect(scorePartyF1(["Centrack International Inc."], ["Centrack International"])).toBeCloseTo(
      0.8,
    );
    // An extra party lowers precision only.
    expect(scorePartyF1(["Corio Inc."], ["Corio Inc.", "Commerce One"])).toBeCloseTo(2 / 3);
  });

  it("handles empty lists", () => {
    expect(scorePartyF1([], [])).toBe(1);
    expect(scorePartyF1(["Corio Inc."], [])).toBe(0);
  });
});

describe("scoreBalancedAccuracy", () => {
  it("averages sensitivity and specificity", () => {
    const score = scoreBalancedAccuracy([
      { expected: true, predicted: true },
      { expected: true, predicted: false },
      { expected: false, predicted: false },
      { expected: false, predicted: false },
      { expected: false, predicted: false },
      { expected: false, predicted: true },
    ]);
    expect(score.score).toBeCloseTo((1 / 2 + 3 / 4) / 2);
    expect(score).toMatchObject({
      truePositives: 1,
      falseNegatives: 1,
      trueNegatives: 3,
      falsePositives: 1,
    });
  });

  it("does not reward always saying no", () => {
    const pairs = [true, false, false, false].map((expected) => ({ expected, predicted: false }));
    expect(scoreBalancedAccuracy(pairs).score).toBe(0.5);
  });

  it("uses the one rate there is when a class is missing", () => {
    const pairs = [false, false].map((expected) => ({ expected, predicted: expected }));
    expect(scoreBalancedAccuracy(pairs).score).toBe(1);
  });

  it("reads Yes/No answers", () => {
    expect(isYesAnswer("Yes")).toBe(true);
    expect(isYesAnswer("yes")).toBe(true);
    expect(isYesAnswer("No")).toBe(false);
    expect(isYesAnswer("")).toBe(false);
  });
});

describe("detailExactMatches", () => {
  it("scores recall on present labels, precision of answers and the constant baseline", () => {
    const detail = detailExactMatches([
      { expected: { kind: "values", values: ["P1Y"] }, found: "P1Y" },
      { expected: { kind: "values", values: ["P1Y"] }, found: null },
      { expected: { kind: "values", values: ["P2Y"] }, found: "P1Y" },
      { expected: { kind: "absent" }, found: "P1Y" },
      { expected: { kind: "absent" }, found: null },
      { expected: { kind: "unscorable", raw: "?" }, found: "P1Y" },
    ]);
    expect(detail).toEqual({
      presentCorrect: 1,
      present: 3,
      answeredCorrect: 1,
      answered: 3,
      baseline: { score: 0.4, answer: "not found" },
    });
  });

  it("takes the commonest value as the baseline when it beats not found", () => {
    const detail = detailExactMatches([
      { expected: { kind: "values", values: ["Delaware"] }, found: null },
      { expected: { kind: "values", values: ["Delaware"] }, found: null },
      { expected: { kind: "absent" }, found: null },
    ]);
    expect(detail.baseline.answer).toBe("Delaware");
    expect(detail.baseline.score).toBeCloseTo(2 / 3);
  });
});
