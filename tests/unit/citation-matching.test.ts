import { describe, expect, it } from "vitest";
import { spansCoveringQuote } from "@/components/analyses/match-quote-spans";
import { linkUnitReferences, unitOfReference } from "@/components/analyses/memo-page-links";

describe("spansCoveringQuote", () => {
  const runs = [
    "12. GOVERNING LAW.",
    " This Agreement shall be governed by",
    "the laws of the State of New",
    "York, without regard to ",
    "its conflict of laws rules.",
  ];

  it("finds the runs carrying a quote whose spacing and case differ from the page's", () => {
    expect(
      spansCoveringQuote(runs, "shall be  governed by the laws of the state of New York"),
    ).toEqual([1, 2, 3]);
  });

  it("treats typographic quotes and dashes as plain ones", () => {
    expect(spansCoveringQuote(["the “Licensee” – a party"], 'the "Licensee" - a party')).toEqual([
      0,
    ]);
  });

  it("falls back to the quote's first 40 characters when the rest is not on the page", () => {
    expect(
      spansCoveringQuote(
        runs,
        "This Agreement shall be governed by the laws of the State of New Hampshire",
      ),
    ).toEqual([1, 2]);
  });

  it("finds nothing for words that are not there, or a quote too short to trust", () => {
    expect(spansCoveringQuote(runs, "the laws of the State of Delaware")).toEqual([]);
    expect(spansCoveringQuote(runs, "   ")).toEqual([]);
  });
});

describe("linkUnitReferences", () => {
  it("links page and paragraph references, leaving links and code alone", () => {
    expect(linkUnitReferences("Term (p. 3); see page 12 and ¶ 4. [p. 9](https://x) `p. 5`")).toBe(
      "Term ([p. 3](#page-3)); see [page 12](#page-12) and [¶ 4](#paragraph-4). [p. 9](https://x) `p. 5`",
    );
  });

  it("does not link words that merely end in 'page'", () => {
    expect(linkUnitReferences("homepage 3")).toBe("homepage 3");
  });

  it("reads the unit back from the link", () => {
    expect(unitOfReference("#page-12")).toEqual({ unit: 12, unitLabel: "page" });
    expect(unitOfReference("#paragraph-4")).toEqual({ unit: 4, unitLabel: "paragraph" });
    expect(unitOfReference("https://example.com/#page-1")).toBeNull();
    expect(unitOfReference(undefined)).toBeNull();
  });
});
