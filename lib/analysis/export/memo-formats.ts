/** The memo's download formats. No server imports: the analysis page builds its links from it. */
export const MEMO_FORMATS = ["md", "docx", "pdf"] as const;

export type MemoFormat = (typeof MEMO_FORMATS)[number];

export const MEMO_FORMAT_INFO: Record<
  MemoFormat,
  { label: string; extension: string; contentType: string }
> = {
  md: { label: "Markdown", extension: "md", contentType: "text/markdown; charset=utf-8" },
  docx: {
    label: "Word (.docx)",
    extension: "docx",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  pdf: { label: "PDF", extension: "pdf", contentType: "application/pdf" },
};

/** "Acme MSA - memo.pdf" for "Acme MSA.pdf": the contract's name without its own extension. */
export function memoFilename(documentName: string, format: MemoFormat): string {
  const base = documentName.replace(/\.[^.]+$/, "");
  return `${base} - memo.${MEMO_FORMAT_INFO[format].extension}`;
}
