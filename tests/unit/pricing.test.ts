import { describe, expect, it } from "vitest";
import { priceForDocument, priceForPages } from "@/lib/billing/price-document";

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

describe("priceForDocument", () => {
  const ocrRule = { pagesPerCredit: 5, minCredits: 1, ocrMultiplier: 3 };

  it("bills a scanned page as ocrMultiplier pages and every other page as one", () => {
    expect(priceForDocument({ pageCount: 10, scannedPages: [] }, ocrRule)).toBe(2);
    // 10 scanned pages = 30 billed pages = 6 credits.
    expect(
      priceForDocument({ pageCount: 10, scannedPages: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, ocrRule),
    ).toBe(6);
    // Mixed: 8 text pages + 2 scans × 3 = 14 billed pages = 3 credits.
    expect(priceForDocument({ pageCount: 10, scannedPages: [9, 10] }, ocrRule)).toBe(3);
  });

  it("never bills more scans than the document has pages", () => {
    expect(priceForDocument({ pageCount: 1, scannedPages: [1, 1, 1] }, ocrRule)).toBe(1);
  });
});
