import { describe, expect, it } from "vitest";
import { priceForPages } from "@/lib/billing/price-document";

const rule = { pagesPerCredit: 5, minCredits: 1 };

describe("priceForPages", () => {
  it("charges one credit per started block of five pages", () => {
    expect(priceForPages(1, rule)).toBe(1);
    expect(priceForPages(5, rule)).toBe(1);
    expect(priceForPages(6, rule)).toBe(2);
    expect(priceForPages(10, rule)).toBe(2);
    expect(priceForPages(11, rule)).toBe(3);
    expect(priceForPages(500, rule)).toBe(100);
  });

  it("never charges less than the minimum", () => {
    expect(priceForPages(0, rule)).toBe(1);
    expect(priceForPages(3, { pagesPerCredit: 5, minCredits: 4 })).toBe(4);
    expect(priceForPages(40, { pagesPerCredit: 5, minCredits: 4 })).toBe(8);
  });

  it("follows a configured block size", () => {
    expect(priceForPages(21, { pagesPerCredit: 10, minCredits: 1 })).toBe(3);
  });

  it("rejects page counts that cannot be real", () => {
    expect(() => priceForPages(-1, rule)).toThrow(RangeError);
    expect(() => priceForPages(2.5, rule)).toThrow(RangeError);
  });
});
