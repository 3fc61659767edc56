import { describe, expect, it } from "vitest";
import { analysisResultSchema, findingSchema } from "@/lib/analysis/result-schema";
import { emptyResult } from "./result-fixture";

const evidence = {
  quote: "governed by the laws of the State of Delaware",
  unit: 4,
  unitLabel: "page",
};

describe("analysisResultSchema", () => {
  it("accepts a result where nothing was found", () => {
    expect(analysisResultSchema.safeParse(emptyResult()).success).toBe(true);
  });

  it("rejects another version", () => {
    expect(analysisResultSchema.safeParse({ ...emptyResult(), version: 2 }).success).toBe(false);
  });

  it("rejects a value stated without a quote", () => {
    expect(
      findingSchema.safeParse({ value: "Delaware", display: "Delaware", evidence: null }).success,
    ).toBe(false);
    expect(
      findingSchema.safeParse({ value: "Delaware", display: "Delaware", evidence }).success,
    ).toBe(true);
  });

  it("rejects quotes longer than 300 characters and bad units", () => {
    const long = { ...evidence, quote: "x".repeat(301) };
    expect(findingSchema.safeParse({ value: "a", display: "a", evidence: long }).success).toBe(
      false,
    );
    const unit0 = { ...evidence, unit: 0 };
    expect(findingSchema.safeParse({ value: "a", display: "a", evidence: unit0 }).success).toBe(
      false,
    );
  });

  it("checks the evidence rule inside lists too", () => {
    const result = emptyResult();
    result.identification.parties.push({
      value: "Acme Inc.",
      display: "Acme Inc.",
      evidence: null,
      definedAs: null,
      role: null,
    });
    expect(analysisResultSchema.safeParse(result).success).toBe(false);
  });
});
