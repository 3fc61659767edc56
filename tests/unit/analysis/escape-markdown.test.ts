import { describe, expect, it } from "vitest";
import { escapeInline, escapeTableCell } from "@/lib/analysis/memo/escape-markdown";

describe("escapeInline", () => {
  it("neutralizes emphasis, links, HTML and pipes", () => {
    expect(escapeInline("*bold* [x](http://e.com) <b>|</b> a_b")).toBe(
      "\\*bold\\* \\[x\\](http\\://e.com) \\<b\\>\\|\\</b\\> a\\_b",
    );
  });

  it("keeps line-start markers from becoming headings or lists", () => {
    expect(escapeInline("# Heading")).toBe("\\# Heading");
    expect(escapeInline("1. LICENSE")).toBe("1\\. LICENSE");
    expect(escapeInline("- item")).toBe("\\- item");
  });

  it("puts multi-line text on one line", () => {
    expect(escapeTableCell("a\n\nb\r\nc")).toBe("a b c");
    expect(escapeTableCell("")).toBe(" ");
  });
});
