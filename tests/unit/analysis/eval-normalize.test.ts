import { describe, expect, it } from "vitest";
import { normalizeDateAnswer } from "@/scripts/eval/normalize-date-answer";
import {
  canonicalizeDuration,
  normalizeDurationAnswer,
} from "@/scripts/eval/normalize-duration-answer";
import { normalizeExpirationAnswer } from "@/scripts/eval/normalize-expiration-answer";
import {
  canonicalizeJurisdiction,
  normalizeJurisdictionAnswer,
} from "@/scripts/eval/normalize-jurisdiction-answer";

describe("normalizeDateAnswer", () => {
  it("reads CUAD's m/d/yy with a pivot at 50", () => {
    expect(normalizeDateAnswer("12/16/04")).toEqual({ kind: "values", values: ["2004-12-16"] });
    expect(normalizeDateAnswer("11/20/95")).toEqual({ kind: "values", values: ["1995-11-20"] });
    expect(normalizeDateAnswer("1/1/2004")).toEqual({ kind: "values", values: ["2004-01-01"] });
  });

  it("reads spelled-out dates", () => {
    expect(normalizeDateAnswer("December 16, 2004")).toEqual({
      kind: "values",
      values: ["2004-12-16"],
    });
  });

  it("treats empty answers and blanks left in the contract as not present", () => {
    expect(normalizeDateAnswer("")).toEqual({ kind: "absent" });
    expect(normalizeDateAnswer("[]/[]/2020")).toEqual({ kind: "absent" });
    expect(normalizeDateAnswer("[]/[]/19[]")).toEqual({ kind: "absent" });
  });

  it("marks what it cannot read as unscorable", () => {
    expect(normalizeDateAnswer("upon first sale")).toEqual({
      kind: "unscorable",
      raw: "upon first sale",
    });
    expect(normalizeDateAnswer("13/45/04").kind).toBe("unscorable");
  });
});

describe("normalizeDurationAnswer", () => {
  it("reads renewal and notice wording as ISO-8601 durations", () => {
    expect(normalizeDurationAnswer("successive 1 year")).toEqual({
      kind: "values",
      values: ["P1Y"],
    });
    expect(normalizeDurationAnswer("three (3) years")).toEqual({ kind: "values", values: ["P3Y"] });
    expect(normalizeDurationAnswer("90 days")).toEqual({ kind: "values", values: ["P90D"] });
    expect(normalizeDurationAnswer("succesive 1 year")).toEqual({
      kind: "values",
      values: ["P1Y"],
    });
  });

  it("keeps every alternative CUAD lists", () => {
    expect(normalizeDurationAnswer("successive 12 months; successive 6 months;")).toEqual({
      kind: "values",
      values: ["P1Y", "P6M"],
    });
  });

  it("keeps perpetual as a word and blanks as not present", () => {
    expect(normalizeDurationAnswer("Perpetual")).toEqual({ kind: "values", values: ["perpetual"] });
    expect(normalizeDurationAnswer("successive [] years")).toEqual({ kind: "absent" });
    expect(normalizeDurationAnswer("")).toEqual({ kind: "absent" });
  });

  it("spells each length one way", () => {
    expect(canonicalizeDuration("P12M")).toBe("P1Y");
    expect(canonicalizeDuration("P18M")).toBe("P18M");
    expect(canonicalizeDuration("P2W")).toBe("P14D");
    expect(canonicalizeDuration("P30D")).toBe("P30D");
  });
});

describe("normalizeExpirationAnswer", () => {
  it("reads dates and perpetual terms", () => {
    expect(normalizeExpirationAnswer("3/18/15")).toEqual({
      kind: "values",
      values: ["2015-03-18"],
    });
    expect(normalizeExpirationAnswer("perpetual")).toEqual({
      kind: "values",
      values: ["perpetual"],
    });
    expect(normalizeExpirationAnswer("Perpetual")).toEqual({
      kind: "values",
      values: ["perpetual"],
    });
    expect(normalizeExpirationAnswer("until terminated")).toEqual({
      kind: "values",
      values: ["perpetual"],
    });
  });

  it("does not guess a date from a term description", () => {
    expect(normalizeExpirationAnswer("5 years after first commercial sale").kind).toBe(
      "unscorable",
    );
    expect(normalizeExpirationAnswer("[]/[]/[]")).toEqual({ kind: "absent" });
  });
});

describe("normalizeJurisdictionAnswer", () => {
  it("maps label spellings to the engine's names", () => {
    expect(canonicalizeJurisdiction("Province of Ontario, Canada")).toBe("Ontario, Canada");
    expect(canonicalizeJurisdiction("Ontario, Canada")).toBe("Ontario, Canada");
    expect(canonicalizeJurisdiction("British Columbia, Canada")).toBe("British Columbia, Canada");
    expect(canonicalizeJurisdiction("State of New York")).toBe("New York");
    expect(canonicalizeJurisdiction("People's Republic of China")).toBe(
      "People's Republic of China",
    );
    expect(canonicalizeJurisdiction("Netherlands")).toBe("Netherlands");
  });

  it("compares unknown places by their words", () => {
    expect(canonicalizeJurisdiction("Bailiwick of Sark")).toBe("bailiwick of sark");
    expect(normalizeJurisdictionAnswer("")).toEqual({ kind: "absent" });
  });

  it("rejoins England and Wales, which CUAD splits into two answers", () => {
    expect(normalizeJurisdictionAnswer("England; Wales")).toEqual({
      kind: "values",
      values: ["England", "wales", "England and Wales"],
    });
  });
});
