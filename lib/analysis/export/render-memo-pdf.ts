import pdfmake from "pdfmake";
import type {
  Content,
  ContentTable,
  StyleDictionary,
  TDocumentDefinitions,
} from "pdfmake/interfaces";
import type { MemoBlock, MemoModel, MemoRun, MemoSection } from "../memo/memo-model";
import { isMemoPdfFontFile, MEMO_PDF_FONT, memoPdfFonts } from "./memo-pdf-fonts";
import { withNoBreakSpaces } from "./no-break-spaces";

const COLORS = { text: "#1f2328", muted: "#57606a", rule: "#d0d7de", callout: "#fff8e6" };

/** The style of the running header and footer, which also tells them apart from content. */
const PAGE_CHROME = "pageChrome";

const STYLES: StyleDictionary = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
  status: { fontSize: 10, bold: true, color: "#9a6700", margin: [0, 0, 0, 12] },
  h1: { fontSize: 14, bold: true, margin: [0, 16, 0, 6] },
  h2: { fontSize: 11.5, bold: true, margin: [0, 12, 0, 4] },
  paragraph: { margin: [0, 0, 0, 6] },
  quote: { italics: true, color: COLORS.muted, fontSize: 9, margin: [12, 2, 0, 2] },
  tableHeader: { bold: true, fillColor: "#f6f8fa" },
  [PAGE_CHROME]: { fontSize: 8, color: COLORS.muted },
};

function renderRun(run: MemoRun): Content {
  switch (run.style) {
    case "strong":
      return { text: run.text, bold: true };
    case "citation":
      return { text: withNoBreakSpaces(run.text), color: COLORS.muted };
    case "quote":
      return { text: run.text, italics: true };
    default:
      return run.text;
  }
}

const inline = (runs: MemoRun[]): Content[] => runs.map(renderRun);

function renderTable(columns: string[], rows: string[][]): ContentTable {
  return {
    table: {
      headerRows: 1,
      // The widest column (a finding) takes the room left by the short ones (term, citation).
      widths: columns.map((_, i) => (i === 1 ? "*" : "auto")),
      body: [
        columns.map((text) => ({ text, style: "tableHeader" })),
        ...rows.map((row) => row.map((text) => ({ text }))),
      ],
      dontBreakRows: true,
    },
    layout: "lightHorizontalLines",
    fontSize: 9,
    margin: [0, 2, 0, 8],
  };
}

function renderBlock(block: MemoBlock): Content {
  switch (block.kind) {
    case "paragraph":
      return { text: inline(block.runs), style: "paragraph" };
    case "callout":
      return {
        table: { widths: ["*"], body: [[{ text: inline(block.runs), fillColor: COLORS.callout }]] },
        layout: "noBorders",
        margin: [0, 0, 0, 8],
      };
    case "list":
      return {
        ul: block.items.map((item) =>
          item.quote === undefined
            ? { text: inline(item.runs) }
            : { stack: [{ text: inline(item.runs) }, { text: item.quote, style: "quote" }] },
        ),
        margin: [0, 0, 0, 6],
      };
    case "table":
      return renderTable(block.columns, block.rows);
  }
}

function renderSection(section: MemoSection, depth: 1 | 2): Content[] {
  return [
    {
      text: section.heading,
      style: depth === 1 ? "h1" : "h2",
      headlineLevel: depth,
      outline: true,
    },
    ...section.blocks.map(renderBlock),
    ...section.subsections.flatMap((sub) => renderSection(sub, 2)),
  ];
}

function documentDefinition(model: MemoModel): TDocumentDefinitions {
  return {
    pageSize: "LETTER",
    pageMargins: [54, 54, 54, 54],
    info: {
      title: model.title,
      subject: `ASC 606 memo for ${model.documentName}`,
      creator: "Clauseflow",
      producer: "Clauseflow",
    },
    defaultStyle: { font: MEMO_PDF_FONT, fontSize: 10, lineHeight: 1.25, color: COLORS.text },
    styles: STYLES,
    header: () => ({
      text: `${model.status} · ${model.documentName}`,
      style: PAGE_CHROME,
      margin: [54, 24, 54, 0],
    }),
    footer: (currentPage, pageCount) => ({
      text: `Page ${currentPage} of ${pageCount}`,
      style: PAGE_CHROME,
      alignment: "right",
      margin: [54, 16, 54, 0],
    }),
    // A heading never ends a page: it moves to the next one with the text it introduces. The
    // page header and footer count as nodes on the page too, so they are left out.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel !== undefined &&
      nodes.getFollowingNodesOnPage().every((next) => next.style === PAGE_CHROME),
    content: [
      { text: model.title, style: "title" },
      { text: model.status, style: "status" },
      ...model.intro.map(renderBlock),
      ...model.sections.flatMap((section) => renderSection(section, 1)),
    ],
  };
}

/** The memo as a PDF (US Letter, embedded DejaVu Sans, page numbers, bookmarks per heading). */
export async function renderMemoPdf(model: MemoModel): Promise<Buffer> {
  // pdfmake is a module-level singleton; these calls are idempotent and cheap.
  pdfmake.setFonts(memoPdfFonts());
  // Nothing in a memo loads a URL; fonts are the only local files it reads.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(isMemoPdfFontFile);
  return pdfmake.createPdf(documentDefinition(model)).getBuffer();
}
