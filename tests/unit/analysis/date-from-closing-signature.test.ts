import { describe, expect, it } from "vitest";
import { mergeChunkFindings } from "@/lib/analysis/merge-chunk-findings";
import { analyzeChunk, identifyContract, runAnalysis } from "@/lib/analysis/run-analysis";
import type { ExtractedText } from "@/lib/analysis/types";

// A preamble without a date, a body longer than the part of the contract identification reads,
// and the signature block on the last page.
const PREAMBLE =
  'This Operations and Maintenance Agreement is made by and between Solar Tax Partners 1, LLC ("Owner") and Solar Power, Inc. ("Service Provider").';
const BODY = "The Service Provider shall operate and maintain the System in good working order. ";
const CLOSING =
  'IN WITNESS WHEREOF, the parties have executed this Agreement as of the date set forth below. "OWNER:" Date: December 11, 2009 SOLAR TAX PARTNERS 1, LLC By: /s/ William Hedden';

/** Ten pages: the preamble opens page 1, the witness clause closes page 10. */
function tenPages(closing: string): ExtractedText {
  const units = Array.from({ length: 10 }, (_, i) => ({
    index: i + 1,
    text: `${i === 0 ? `${PREAMBLE} ` : ""}${BODY.repeat(60)}${i === 9 ? closing : ""}`,
  }));
  const charCount = units.reduce((n, u) => n + u.text.length, 0);
  return {
    kind: "pdf",
    unitLabel: "page",
    units,
    pageCount: 10,
    wordCount: charCount / 6,
    charCount,
  };
}

const pages = (text: ExtractedText, first: number, last: number): ExtractedText => ({
  ...text,
  units: text.units.filter((u) => u.index >= first && u.index <= last),
});

describe("an agreement the top leaves undated", () => {
  it("is dated by the closing signature block of a long contract", async () => {
    const result = await runAnalysis(tenPages(CLOSING));
    expect(result.identification.agreementDate.value).toBe("2009-12-11");
    expect(result.identification.agreementDate.evidence?.unit).toBe(10);
  });

  it("is dated the same way by a chunked analysis, from its last chunk", async () => {
    const text = tenPages(CLOSING);
    const identification = await identifyContract(pages(text, 1, 5));
    expect(identification.agreementDate.value).toBeNull();
    const chunks = [
      await analyzeChunk(pages(text, 1, 6), identification),
      await analyzeChunk(pages(text, 6, 10), identification),
    ];
    expect(chunks[1]?.closingSignature?.witnessed).toBe(true);
    const merged = mergeChunkFindings(identification, chunks);
    expect(merged.identification).toEqual((await runAnalysis(text)).identification);
  });

  it("stays undated when the top leaves the date blank, whatever the signatures say", async () => {
    const text = tenPages(CLOSING);
    const first = text.units[0];
    if (first) first.text = first.text.replace("is made by", "is dated as of [•], 2009 by");
    const result = await runAnalysis(text);
    expect(result.identification.agreementDate.value).toBeNull();
    expect(result.identification.agreementDate.evidence?.quote).toContain("[•]");
  });

  it("stays undated when the signature block has no date", async () => {
    const result = await runAnalysis(
      tenPages("IN WITNESS WHEREOF, the parties have executed this Agreement. By: /s/ W. Hedden"),
    );
    expect(result.identification.agreementDate.value).toBeNull();
  });
});
