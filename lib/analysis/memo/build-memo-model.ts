import type { AnalysisResult } from "../result-schema";
import { buildAsc606Steps } from "./build-asc606-steps";
import { buildEvidenceList } from "./build-evidence-list";
import { buildKeyTermsTable } from "./build-key-terms-table";
import { buildRiskFlags } from "./build-risk-flags";
import type { MemoModel, MemoSection } from "./memo-model";
import { oneLine, plain, strong } from "./memo-runs";

export type MemoMeta = {
  documentName: string;
  pageCount: number;
  unitLabel: "page" | "paragraph";
  generatedAt: Date;
};

export const MEMO_DISCLAIMER =
  "Draft for review by a qualified accountant; not legal advice. This memo was produced by automated, rule-based reading of the contract text. Findings can be incomplete or wrong; each one cites the contract so it can be checked.";

export const MEMO_STATUS = "Draft — for review";

function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function section(heading: string, blocks: MemoSection["blocks"]): MemoSection {
  return { heading, blocks, subsections: [] };
}

/** What the memo says about one analysis, for every download format. */
export function buildMemoModel(result: AnalysisResult, meta: MemoMeta): MemoModel {
  const documentName = oneLine(meta.documentName);
  const title = oneLine(result.identification.title.value ?? documentName);
  const citationNote =
    meta.unitLabel === "page"
      ? "Citations refer to pages (p. 3)."
      : "Citations refer to paragraphs of the extracted text (¶ 12).";
  return {
    title: `ASC 606 contract memo (draft): ${title}`,
    status: MEMO_STATUS,
    documentName,
    intro: [{ kind: "callout", runs: [strong(MEMO_DISCLAIMER)] }],
    sections: [
      section("Document", [
        {
          kind: "list",
          items: [
            `File: ${documentName}`,
            `Length: ${meta.pageCount} page${meta.pageCount === 1 ? "" : "s"}`,
            `Generated: ${formatTimestamp(meta.generatedAt)}`,
            citationNote,
          ].map((text) => ({ runs: [plain(text)] })),
        },
      ]),
      section("Key terms", [buildKeyTermsTable(result)]),
      { heading: "ASC 606 analysis", blocks: [], subsections: buildAsc606Steps(result) },
      section("Risk flags", [buildRiskFlags(result)]),
      section("Supporting quotes", [buildEvidenceList(result)]),
      section("Disclaimer", [
        {
          kind: "paragraph",
          runs: [
            plain(
              `${MEMO_DISCLAIMER} It does not assess signatures, side agreements, amendments, or facts outside the document.`,
            ),
          ],
        },
      ]),
    ],
  };
}
