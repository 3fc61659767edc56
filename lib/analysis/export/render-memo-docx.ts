import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { MemoBlock, MemoModel, MemoRun, MemoSection } from "../memo/memo-model";
import { withNoBreakSpaces } from "./no-break-spaces";

const COLORS = { muted: "57606A", rule: "D0D7DE", callout: "FFF8E6", status: "9A6700" };
// US Letter with 1" margins leaves 6.5" = 9360 twips for text.
const TEXT_WIDTH_TWIPS = 9360;
// Term | Finding | Citation: the finding gets the room the short columns do not need.
const KEY_TERMS_COLUMN_SHARE = [0.24, 0.62, 0.14];

function renderRun(run: MemoRun): TextRun {
  switch (run.style) {
    case "strong":
      return new TextRun({ text: run.text, bold: true });
    case "citation":
      return new TextRun({ text: withNoBreakSpaces(run.text), color: COLORS.muted });
    case "quote":
      return new TextRun({ text: run.text, italics: true });
    default:
      return new TextRun(run.text);
  }
}

const inline = (runs: MemoRun[]): TextRun[] => runs.map(renderRun);

function columnWidths(count: number): number[] {
  const shares =
    count === KEY_TERMS_COLUMN_SHARE.length
      ? KEY_TERMS_COLUMN_SHARE
      : Array.from({ length: count }, () => 1 / count);
  return shares.map((share) => Math.round(share * TEXT_WIDTH_TWIPS));
}

function tableCell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: "F6F8FA", color: "auto" } } : {}),
    children: [
      new Paragraph({
        children: [new TextRun({ text, bold: header, size: 18 })],
        spacing: { after: 0 },
      }),
    ],
  });
}

function renderTable(columns: string[], rows: string[][]): Table {
  const widths = columnWidths(columns.length);
  const rule = { style: BorderStyle.SINGLE, size: 4, color: COLORS.rule };
  const none = { style: BorderStyle.NONE, size: 0, color: "auto" };
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: rule,
      bottom: rule,
      insideHorizontal: rule,
      left: none,
      right: none,
      insideVertical: none,
    },
    rows: [
      // Repeated at the top of each page the table runs onto.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((text, i) => tableCell(text, widths[i] ?? 0, true)),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) => tableCell(text, widths[i] ?? 0, false)),
          }),
      ),
    ],
  });
}

function renderBlock(block: MemoBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "paragraph":
      return [new Paragraph({ children: inline(block.runs) })];
    case "callout":
      return [
        new Paragraph({
          children: inline(block.runs),
          shading: { type: ShadingType.CLEAR, fill: COLORS.callout, color: "auto" },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: COLORS.status, space: 6 } },
        }),
      ];
    case "list":
      return block.items.flatMap((item) => [
        new Paragraph({ children: inline(item.runs), bullet: { level: 0 } }),
        ...(item.quote === undefined
          ? []
          : [
              new Paragraph({
                indent: { left: 720 },
                children: [new TextRun({ text: item.quote, italics: true, color: COLORS.muted })],
              }),
            ]),
      ]);
    case "table":
      return [renderTable(block.columns, block.rows)];
  }
}

function renderSection(section: MemoSection, depth: 1 | 2): (Paragraph | Table)[] {
  return [
    new Paragraph({
      text: section.heading,
      heading: depth === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    }),
    ...section.blocks.flatMap(renderBlock),
    ...section.subsections.flatMap((sub) => renderSection(sub, 2)),
  ];
}

function pageChrome(children: TextRun[], alignment: "left" | "right"): Paragraph {
  return new Paragraph({
    alignment: alignment === "left" ? AlignmentType.LEFT : AlignmentType.RIGHT,
    children,
  });
}

/** The memo as a Word document: real headings, a repeating table header, page numbers. */
export async function renderMemoDocx(model: MemoModel): Promise<Buffer> {
  const chrome = { size: 16, color: COLORS.muted };
  const document = new Document({
    title: model.title,
    subject: `ASC 606 memo for ${model.documentName}`,
    creator: "Clauseflow",
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 21 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: "Calibri", size: 36, bold: true, color: "1F2328" } },
        heading1: {
          run: { font: "Calibri", size: 28, bold: true, color: "1F2328" },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { font: "Calibri", size: 23, bold: true, color: "1F2328" },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        // US Letter (docx defaults to A4), 1" margins: the TEXT_WIDTH_TWIPS the tables assume.
        properties: { page: { size: { width: 12240, height: 15840 } } },
        headers: {
          default: new Header({
            children: [
              pageChrome(
                [new TextRun({ text: `${model.status} · ${model.documentName}`, ...chrome })],
                "left",
              ),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              pageChrome(
                [
                  new TextRun({
                    children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES],
                    ...chrome,
                  }),
                ],
                "right",
              ),
            ],
          }),
        },
        children: [
          new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
          new Paragraph({
            children: [new TextRun({ text: model.status, bold: true, color: COLORS.status })],
          }),
          ...model.intro.flatMap(renderBlock),
          ...model.sections.flatMap((section) => renderSection(section, 1)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
