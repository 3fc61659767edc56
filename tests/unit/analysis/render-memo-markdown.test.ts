import { describe, expect, it } from "vitest";
import { renderMemoMarkdown } from "@/lib/analysis/render-memo-markdown";
import type { AnalysisResult } from "@/lib/analysis/result-schema";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { listContractFiles, loadContract } from "./load-contract";
import { nodeText, parseGfm } from "./read-gfm";
import { emptyResult } from "./result-fixture";

const META = {
  documentName: "contract.pdf",
  pageCount: 12,
  unitLabel: "page" as const,
  generatedAt: new Date("2024-05-01T10:00:00Z"),
};

const STEP_HEADINGS = [
  "### Step 1 — Identify the contract",
  "### Step 2 — Identify the performance obligations",
  "### Step 3 — Determine the transaction price",
  "### Step 4 — Allocate the transaction price",
  "### Step 5 — Recognize revenue",
];

/** Cells of the key-terms table as GFM (remark-gfm, what the memo page renders with) reads them. */
function keyTermRows(markdown: string): string[][] {
  const tree = parseGfm(markdown);
  const heading = tree.children.findIndex(
    (node) => node.type === "heading" && nodeText(node) === "Key terms",
  );
  const table = tree.children.slice(heading + 1).find((node) => node.type === "table");
  if (heading === -1 || !table || table.type !== "table") return [];
  return table.children.map((row) => row.children.map((cell) => nodeText(cell).trim()));
}

function hostileResult(): AnalysisResult {
  const result = emptyResult();
  const evidence = {
    quote: "A | B\n# not a heading <script>x</script>",
    unit: 3,
    unitLabel: "page" as const,
  };
  result.identification.title = {
    value: "Pipe | Agreement",
    display: "Pipe | Agreement",
    evidence,
  };
  result.identification.parties.push({
    value: "Evil | Corp*",
    display: 'Evil | Corp* ("X|Y")\nnext line',
    evidence,
    definedAs: "X|Y",
    role: null,
  });
  result.keyClauses.governingLaw = { value: "Delaware", display: "Delaware\\|", evidence };
  result.riskFlags.push({
    code: "exclusivity",
    severity: "medium",
    explanation: "[link](http://x)",
    evidence,
  });
  return result;
}

describe("renderMemoMarkdown", () => {
  it("has the title, facts, five ASC 606 steps, risk flags and the disclaimer", () => {
    const markdown = renderMemoMarkdown(emptyResult(), META);
    expect(markdown.startsWith("# ASC 606 contract memo (draft): contract.pdf\n")).toBe(true);
    for (const heading of STEP_HEADINGS) expect(markdown).toContain(heading);
    expect(markdown).toContain("## Risk flags");
    expect(markdown).toContain("Length: 12 pages");
    expect(markdown).toContain(
      "draft for review by a qualified accountant; not legal advice".replace(/^d/, "D"),
    );
  });

  it("keeps hostile contract text inside its table cell", () => {
    const markdown = renderMemoMarkdown(hostileResult(), META);
    const rows = keyTermRows(markdown);
    expect(rows[0]).toEqual(["Term", "Finding", "Citation"]);
    for (const row of rows) expect(row).toHaveLength(3);
    expect(markdown).not.toMatch(/<script>/);
    expect(markdown).not.toMatch(/\n# not a heading/);
    expect(markdown).not.toContain("](http://x)");
    expect(rows.find((r) => r[0] === "Governing law")).toEqual([
      "Governing law",
      "Delaware\\|",
      "p. 3",
    ]);
  });

  it("cites pages as p. N and paragraphs as ¶ N", () => {
    const result = hostileResult();
    expect(renderMemoMarkdown(result, META)).toContain("| p. 3 |");
    const paragraphs = JSON.parse(
      JSON.stringify(result).replaceAll('"unitLabel":"page"', '"unitLabel":"paragraph"'),
    );
    expect(renderMemoMarkdown(paragraphs, { ...META, unitLabel: "paragraph" })).toContain(
      "| ¶ 3 |",
    );
  });

  it("renders a well-formed table for real contracts", async () => {
    for (const file of listContractFiles().slice(0, 8)) {
      const text = loadContract(file);
      const markdown = renderMemoMarkdown(await runAnalysis(text), {
        ...META,
        documentName: file,
        unitLabel: text.unitLabel,
      });
      const rows = keyTermRows(markdown);
      expect(rows.length, file).toBeGreaterThan(10);
      for (const row of rows) expect(row, file).toHaveLength(3);
      for (const heading of STEP_HEADINGS) expect(markdown, file).toContain(heading);
    }
  });
});
