import { describe, expect, it } from "vitest";
import { splitSentences } from "@/lib/analysis/text/split-sentences";

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("keeps legal-form abbreviations and lowercase continuations inside a sentence", () => {
    expect(
      sentences("Corio Inc., a Delaware corporation. It agrees. Acme Inc. and its affiliates."),
    ).toEqual([
      "Corio Inc., a Delaware corporation.",
      "It agrees.",
      "Acme Inc. and its affiliates.",
    ]);
  });

  it("starts a new sentence at a lettered or numbered item", () => {
    expect(sentences("be in perpetuity. (b) Either Party may terminate. (iv) Notice.")).toEqual([
      "be in perpetuity.",
      "(b) Either Party may terminate.",
      "(iv) Notice.",
    ]);
  });

  it("does not split before a parenthetical aside", () => {
    expect(sentences("Acme Inc. (a Delaware corporation) agrees.")).toEqual([
      "Acme Inc. (a Delaware corporation) agrees.",
    ]);
  });
});
