/**
 * The memo as format-neutral structure: what it says, in what order, with which emphasis. The
 * Markdown, DOCX and PDF renderers only decide how it looks, so the three downloads cannot say
 * different things. All text is plain (never escaped) and on one line; each renderer escapes or
 * lays it out for its own format.
 */

/** `strong` is a label ("High — Exclusivity:"); `citation` is "p. 3" / "¶ 12"; `quote` is contract text. */
export type MemoRunStyle = "strong" | "citation" | "quote";

export type MemoRun = { text: string; style?: MemoRunStyle };

export type MemoListItem = {
  runs: MemoRun[];
  /** Contract text shown under the item as a block quote. */
  quote?: string;
};

export type MemoBlock =
  | { kind: "paragraph"; runs: MemoRun[] }
  | { kind: "list"; items: MemoListItem[] }
  | { kind: "table"; columns: string[]; rows: string[][] }
  /** Set apart from the body (the draft warning). */
  | { kind: "callout"; runs: MemoRun[] };

export type MemoSection = {
  heading: string;
  blocks: MemoBlock[];
  subsections: MemoSection[];
};

export type MemoModel = {
  /** "ASC 606 contract memo (draft): <contract title or file name>". */
  title: string;
  /** "Draft — for review": printed on every page of the DOCX and PDF. */
  status: string;
  /** For document properties (DOCX/PDF metadata). */
  documentName: string;
  /** Blocks between the title and the first section (the draft warning). */
  intro: MemoBlock[];
  sections: MemoSection[];
};
