import { buildMemoModel, type MemoMeta } from "./memo/build-memo-model";
import { escapeInline, escapeLineStart, escapeTableCell, escapeText } from "./memo/escape-markdown";
import type { MemoBlock, MemoRun, MemoSection } from "./memo/memo-model";
import type { AnalysisResult } from "./result-schema";

export type { MemoMeta } from "./memo/build-memo-model";

function renderRun(run: MemoRun): string {
  const text = escapeText(run.text);
  return run.style === "strong" ? `**${text}**` : text;
}

/** One line of runs; escaped at its start too, since it may open a line after "- " or "> ". */
function renderLine(runs: MemoRun[]): string {
  return escapeLineStart(runs.map(renderRun).join(""));
}

function renderTable(columns: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeTableCell).join(" | ")} |`;
  return [line(columns), `| ${columns.map(() => "---").join(" | ")} |`, ...rows.map(line)].join(
    "\n",
  );
}

function renderBlock(block: MemoBlock): string {
  switch (block.kind) {
    case "paragraph":
      return renderLine(block.runs);
    case "callout":
      return `> ${renderLine(block.runs)}`;
    case "list":
      return block.items
        .map((item) =>
          item.quote === undefined
            ? `- ${renderLine(item.runs)}`
            : `- ${renderLine(item.runs)}\n  > ${escapeInline(item.quote)}`,
        )
        .join("\n");
    case "table":
      return renderTable(block.columns, block.rows);
  }
}

function renderSection(section: MemoSection, level: number): string[] {
  return [
    `${"#".repeat(level)} ${escapeInline(section.heading)}`,
    ...section.blocks.map(renderBlock),
    ...section.subsections.flatMap((sub) => renderSection(sub, level + 1)),
  ];
}

/** The ASC 606 draft memo for one analysis, as Markdown (GFM tables). */
export function renderMemoMarkdown(result: AnalysisResult, meta: MemoMeta): string {
  const model = buildMemoModel(result, meta);
  const parts = [
    `# ${escapeInline(model.title)}`,
    ...model.intro.map(renderBlock),
    ...model.sections.flatMap((section) => renderSection(section, 2)),
  ];
  return `${parts.join("\n\n")}\n`;
}
