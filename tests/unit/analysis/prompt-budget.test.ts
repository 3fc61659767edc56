import { describe, expect, it } from "vitest";
import { MAX_PROMPT_CHARS, promptDocumentText } from "@/lib/analysis/llm/prompt-budget";
import { getDocumentIndex } from "@/lib/analysis/text/document-index";
import type { ExtractedText } from "@/lib/analysis/types";
import { DocumentError } from "@/lib/errors";
import { assertPromptsFit } from "@/lib/jobs/assert-prompts-fit";

const CLAUSE = "The Supplier shall deliver the Products to the Customer within thirty days. ";

/** `count` units of about `chars` characters each; the last unit says where the text ends. */
function document(kind: "pdf" | "text", count: number, chars: number): ExtractedText {
  const units = Array.from({ length: count }, (_, i) => ({
    index: i + 1,
    text:
      i === count - 1 ? "This is the last unit." : CLAUSE.repeat(Math.ceil(chars / CLAUSE.length)),
  }));
  return {
    kind,
    unitLabel: kind === "pdf" ? "page" : "paragraph",
    units,
    pageCount: count,
    wordCount: 0,
    charCount: count * chars,
  };
}

describe("the LLM prompt budget", () => {
  it("sends every unit of a document that fits, up to its last", () => {
    const text = promptDocumentText(getDocumentIndex(document("text", 50, 2_000)));
    expect(text.startsWith("[paragraph 1]\n")).toBe(true);
    expect(text).toContain("[paragraph 50]\nThis is the last unit.");
    expect(text.length).toBeLessThanOrEqual(MAX_PROMPT_CHARS);
  });

  it("refuses a long text document instead of sending a prefix of it", () => {
    const long = document("text", 300, 2_000);
    expect(() => promptDocumentText(getDocumentIndex(long))).toThrow(DocumentError);
    expect(() => promptDocumentText(getDocumentIndex(long))).toThrow(
      /more text than the analysis model reads at once \(\d{3},\d{3} characters; the limit is 400,000\)\. Split it .* Nothing was charged\./,
    );
  });

  it("checks at upload each page chunk a chunked PDF sends, not the whole PDF", () => {
    // 100 pages of 5,000 characters: 500,000 in all, at most 41 pages (~205,000) per chunk.
    expect(() => assertPromptsFit(document("pdf", 100, 5_000), 40)).not.toThrow();
    // 30 pages (not chunked) of 15,000 characters: 450,000 in one prompt.
    expect(() => assertPromptsFit(document("pdf", 30, 15_000), 40)).toThrow(/on pages 1–30/);
    // 100 pages of 11,000: each 41-page chunk is ~451,000.
    expect(() => assertPromptsFit(document("pdf", 100, 11_000), 40)).toThrow(/on pages 1–41/);
  });

  it("checks a long DOCX or text document whole (only PDFs are chunked)", () => {
    const error = (() => {
      try {
        assertPromptsFit(document("text", 300, 2_000), 40);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).reason).toBe("too_long_for_model");
  });
});
