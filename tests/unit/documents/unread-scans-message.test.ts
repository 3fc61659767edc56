import { describe, expect, it } from "vitest";
import { unreadScansMessage } from "@/lib/documents/accept-scanned-pages";

describe("the quote's sentence about scans OCR will not read", () => {
  it("names one page in the singular", () => {
    expect(unreadScansMessage([4])).toBe(
      "Page 4 is a scan and will not be read: OCR (text recognition) is off on this server, so the analysis covers only the other pages.",
    );
  });

  it("lists pages, shortening runs of three or more", () => {
    expect(unreadScansMessage([3, 5])).toMatch(/^Pages 3 and 5 are scans and will not be read/);
    expect(unreadScansMessage([9, 1, 2, 3, 5, 7, 8])).toMatch(/^Pages 1–3, 5 and 7–9 are/);
    expect(unreadScansMessage([1, 2, 4])).toMatch(/^Pages 1, 2 and 4 are/);
    expect(unreadScansMessage([10, 11, 12, 13])).toMatch(/^Pages 10–13 are scans/);
  });
});
