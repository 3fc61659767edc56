import { describe, expect, it } from "vitest";
import { describeTerm, formatIsoDuration } from "@/lib/portfolio/format-iso-duration";

describe("formatIsoDuration", () => {
  it.each([
    ["P1Y", "1 year"],
    ["P30D", "30 days"],
    ["P1Y6M", "1 year 6 months"],
    ["P2W", "2 weeks"],
    ["three months", "three months"],
    [null, null],
  ])("%s → %s", (input, expected) => {
    expect(formatIsoDuration(input)).toBe(expected);
  });
});

describe("describeTerm", () => {
  it("reads a year whether the end is the anniversary or the day before", () => {
    const base = { perpetual: false, effectiveDate: "2026-01-01" };
    expect(describeTerm({ ...base, expirationDate: "2027-01-01" })).toBe("1 year");
    expect(describeTerm({ ...base, expirationDate: "2026-12-31" })).toBe("1 year");
    expect(describeTerm({ ...base, expirationDate: "2026-07-01" })).toBe("6 months");
  });

  it("says perpetual, and nothing when a date is missing or reversed", () => {
    expect(describeTerm({ perpetual: true, effectiveDate: null, expirationDate: null })).toBe(
      "Perpetual",
    );
    expect(
      describeTerm({ perpetual: false, effectiveDate: "2026-01-01", expirationDate: null }),
    ).toBeNull();
    expect(
      describeTerm({ perpetual: false, effectiveDate: "2026-01-01", expirationDate: "2025-01-01" }),
    ).toBeNull();
  });
});
