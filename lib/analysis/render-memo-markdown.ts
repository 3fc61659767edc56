import { escapeInline } from "./memo/escape-markdown";
import { renderAsc606Steps } from "./memo/render-asc606-steps";
import { renderEvidenceList } from "./memo/render-evidence-list";
import { renderKeyTermsTable } from "./memo/render-key-terms-table";
import { renderRiskFlags } from "./memo/render-risk-flags";
import type { AnalysisResult } from "./result-schema";

export type MemoMeta = {
  documentName: string;
  pageCount: number;
  unitLabel: "page" | "paragraph";
  generatedAt: Date;
};

export const MEMO_DISCLAIMER =
  "Draft for review by a qualified accountant; not legal advice. This memo was produced by automated, rule-based reading of the contract text. Findings can be incomplete or wrong; each one cites the contract so it can be checked.";

function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The ASC 606 draft memo for one analysis, as Markdown (GFM tables). */
export function renderMemoMarkdown(result: AnalysisResult, meta: MemoMeta): string {
  const title = result.identification.title.value ?? meta.documentName;
  const citationNote =
    meta.unitLabel === "page"
      ? "Citations refer to pages (p. 3)."
      : "Citations refer to paragraphs of the extracted text (¶ 12).";
  const sections = [
    `# ASC 606 contract memo (draft): ${escapeInline(title)}`,
    `> **${MEMO_DISCLAIMER}**`,
    "## Document",
    [
      `- File: ${escapeInline(meta.documentName)}`,
      `- Length: ${meta.pageCount} page${meta.pageCount === 1 ? "" : "s"}`,
      `- Generated: ${formatTimestamp(meta.generatedAt)}`,
      `- ${citationNote}`,
    ].join("\n"),
    "## Key terms",
    renderKeyTermsTable(result),
    "## ASC 606 analysis",
    renderAsc606Steps(result),
    "## Risk flags",
    renderRiskFlags(result),
    "## Supporting quotes",
    renderEvidenceList(result),
    "## Disclaimer",
    `${MEMO_DISCLAIMER} It does not assess signatures, side agreements, amendments, or facts outside the document.`,
  ];
  return `${sections.join("\n\n")}\n`;
}
