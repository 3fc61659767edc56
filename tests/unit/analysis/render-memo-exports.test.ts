import { describe, expect, it } from "vitest";
import { renderMemoDocx } from "@/lib/analysis/export/render-memo-docx";
import { renderMemoPdf } from "@/lib/analysis/export/render-memo-pdf";
import { buildMemoModel, type MemoMeta } from "@/lib/analysis/memo/build-memo-model";
import type { MemoModel, MemoSection } from "@/lib/analysis/memo/memo-model";
import { runsText } from "@/lib/analysis/memo/memo-runs";
import { renderMemoMarkdown } from "@/lib/analysis/render-memo-markdown";
import { analysisResultSchema } from "@/lib/analysis/result-schema";
import {
  flattenText,
  readDocxHtml,
  readDocxText,
  readPdfText,
} from "@/tests/support/read-memo-exports";
import { nodeText, parseGfm } from "./read-gfm";
import { longResult, realisticResult } from "./result-fixture";

const META: MemoMeta = {
  documentName: "MSA – Société Générale & Müller.pdf",
  pageCount: 14,
  unitLabel: "page",
  generatedAt: new Date("2024-05-01T10:00:00Z"),
};

const HEADINGS = [
  "Document",
  "Key terms",
  "ASC 606 analysis",
  "Step 1 — Identify the contract",
  "Step 2 — Identify the performance obligations",
  "Step 3 — Determine the transaction price",
  "Step 4 — Allocate the transaction price",
  "Step 5 — Recognize revenue",
  "Risk flags",
  "Supporting quotes",
];

/** What every format must say, in the words a reader would search for. */
const MUST_SAY = [
  "ASC 606 contract memo (draft): Master Services Agreement",
  "Draft — for review",
  "File: MSA – Société Générale & Müller.pdf",
  "Length: 14 pages",
  "Generated: 2024-05-01 10:00 UTC",
  // A key-terms row: term, value, citation.
  "Governing law England and Wales p. 12",
  "€1,250,000 (EUR) (p. 6)",
  "High — Uncapped liability: No limitation of liability was found.",
  "Medium — Auto renewal: The agreement renews automatically",
  // The evidence list with its citation and curly quotes.
  "Governing law (p. 12): “This Agreement is governed by the laws of England and Wales.”",
  "Société Générale S.A. (“SG”) (p. 1)",
  "Müller GmbH — a company registered in Köln (the “Supplier”)",
  "ninety (90) days’ notice",
];

/** A PDF page's text without its running header and footer, which pdf.js reads last. */
function pageBody(page: string): string {
  return page.replace(/ ?Draft — for review · .*$/, "");
}

function allSections(model: MemoModel): MemoSection[] {
  const walk = (s: MemoSection): MemoSection[] => [s, ...s.subsections.flatMap(walk)];
  return model.sections.flatMap(walk);
}

/** Every heading, table row and list item of the model, as plain text. */
function everythingSaid(model: MemoModel): string[] {
  const said: string[] = [model.title];
  for (const section of allSections(model)) {
    said.push(section.heading);
    for (const block of section.blocks) {
      if (block.kind === "table") said.push(...block.rows.map((row) => row.join(" ")));
      if (block.kind === "list") {
        for (const item of block.items) said.push(runsText(item.runs), item.quote ?? "");
      }
      if (block.kind === "paragraph" || block.kind === "callout") said.push(runsText(block.runs));
    }
  }
  return said.map(flattenText);
}

/** Markdown as read (remark-gfm): escapes and emphasis markers resolved, table cells as words. */
function readMarkdownText(markdown: string): string {
  return flattenText(nodeText(parseGfm(markdown)));
}

describe("memo exports", () => {
  const result = analysisResultSchema.parse(realisticResult());
  const model = buildMemoModel(result, META);

  it("renders a Word document with real headings, the key-terms table, risks and citations", async () => {
    const docx = await renderMemoDocx(model);
    expect(Buffer.from(docx.subarray(0, 2)).toString()).toBe("PK");
    const text = await readDocxText(docx);
    for (const phrase of MUST_SAY) expect(text).toContain(phrase);

    const html = await readDocxHtml(docx);
    expect(html).toContain("<h1>Key terms</h1>");
    expect(html).toContain("<h2>Step 5 — Recognize revenue</h2>");
    expect(html).toMatch(
      /<table>.*<td><p>Governing law<\/p><\/td><td><p>England and Wales<\/p><\/td>/,
    );
  });

  it("renders a PDF whose text keeps headings, key terms, risks, citations and accents", async () => {
    const pdf = await renderMemoPdf(model);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const { pages, text } = await readPdfText(pdf);
    for (const heading of HEADINGS) expect(text).toContain(heading);
    for (const phrase of MUST_SAY) expect(text).toContain(phrase);
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    // No heading is left alone at the foot of a page.
    for (const page of pages) {
      for (const heading of HEADINGS) expect(pageBody(page).endsWith(heading), heading).toBe(false);
    }
  });

  it("breaks a long memo over several PDF pages, repeating the page chrome", async () => {
    const long = buildMemoModel(analysisResultSchema.parse(longResult()), META);
    const { pages, text } = await readPdfText(await renderMemoPdf(long));
    expect(pages.length).toBeGreaterThan(1);
    for (const [index, page] of pages.entries()) {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain("Draft — for review");
    }
    expect(text).toContain("SG may terminate Schedule 40 on notice");
    expect(text).toContain("provide service level 40 described in Schedule 40 (p. 60)");
  });

  it("says the same things in Markdown, Word and PDF", async () => {
    const [markdown, docx, pdf] = await Promise.all([
      renderMemoMarkdown(result, META),
      renderMemoDocx(model).then(readDocxText),
      renderMemoPdf(model).then((bytes) => readPdfText(bytes)),
    ]);
    const formats = {
      markdown: readMarkdownText(markdown),
      docx,
      // A paragraph that runs onto the next page continues after that page's header and footer.
      pdf: pdf.pages.map(pageBody).join(" "),
    };
    for (const said of everythingSaid(model)) {
      for (const [format, text] of Object.entries(formats)) {
        expect(text, `${format} is missing: ${said}`).toContain(said);
      }
    }
  });
});
