import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MemoView } from "@/components/analyses/memo-view";
import { renderMemoMarkdown } from "@/lib/analysis/render-memo-markdown";
import { emptyResult } from "../analysis/result-fixture";

const render = (markdown: string) => renderToStaticMarkup(createElement(MemoView, { markdown }));

describe("MemoView: the memo's GFM tables (remark-gfm) as tables", () => {
  it("renders a pipe table with its alignment, escaped pipes and inline Markdown in cells", () => {
    const html = render(
      [
        "## Key terms",
        "",
        "| Term | Finding | Citation |",
        "| :--- | :---: | ---: |",
        "| Governing law | Pipe \\| Agreement **bold** | p. 3 |",
        "",
        "After the table.",
      ].join("\n"),
    );
    expect(html).toContain("<table");
    expect(html.match(/<th\b/g)).toHaveLength(3);
    expect(html.match(/<td\b/g)).toHaveLength(3);
    expect(html).toContain("Pipe | Agreement <strong>bold</strong>");
    expect(html).toMatch(/<td[^>]*MuiTableCell-alignRight[^>]*>p\. 3<\/td>/);
    expect(html).toMatch(/<th[^>]*MuiTableCell-alignCenter[^>]*>Finding<\/th>/);
    expect(html).not.toContain("| :---");
    expect(html).toContain("<p>After the table.</p>");
    // Headings stay one level down (the page's h1 is the document name).
    expect(html).toContain("<h3>Key terms</h3>");
  });

  it("renders the real memo's key-terms table, hostile text kept inside its cell", () => {
    const result = emptyResult();
    result.identification.title = {
      value: "Pipe | Agreement",
      display: "Pipe | Agreement <script>x</script>",
      evidence: { quote: "A | B", unit: 1, unitLabel: "page" },
    };
    const html = render(
      renderMemoMarkdown(result, {
        documentName: "contract.pdf",
        pageCount: 2,
        unitLabel: "page",
        generatedAt: new Date("2024-05-01T10:00:00Z"),
      }),
    );
    expect(html).toContain("<table");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Pipe | Agreement &lt;script&gt;x&lt;/script&gt;");
  });
});
