export const ACCEPTED_EXTENSIONS = [".pdf", ".docx", ".txt", ".md"] as const;

export const ACCEPT_ATTRIBUTE = [
  ...ACCEPTED_EXTENSIONS,
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "text/plain",
  "text/markdown",
  // A ZIP of contracts is unpacked into a batch.
  ".zip",
  "application/zip",
].join(",");

export function isZipName(name: string): boolean {
  return name.toLowerCase().endsWith(".zip");
}

export const ACCEPTED_LABEL = "PDF, Word (.docx), plain text (.txt) or Markdown (.md)";

export function hasAcceptedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
