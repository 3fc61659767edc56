import type { AnalysisDraft } from "./analysis-draft";

// Structurally identical to the extractor's output in lib/documents/extract-document-text.ts.
// Declared locally so the engine does not depend on that module's timing or internals.
export type TextUnit = {
  /** 1-based page (PDF) or paragraph (DOCX/text). */
  index: number;
  text: string;
};

export type ExtractedText = {
  kind: "pdf" | "docx" | "text";
  unitLabel: "page" | "paragraph";
  units: TextUnit[];
  pageCount: number;
  wordCount: number;
  charCount: number;
};

export type AnalysisStepId = "identify" | "term" | "consideration" | "obligations" | "clauses";

export type AnalysisStep = {
  id: AnalysisStepId;
  /** User-facing progress label. */
  label: string;
  /** Fills this step's section of `draft`. Pure w.r.t. I/O; throws the abort reason if aborted. */
  run(text: ExtractedText, draft: AnalysisDraft, signal?: AbortSignal): Promise<void> | void;
};
