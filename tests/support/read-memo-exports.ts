import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";

/**
 * Text as a reader sees it: line wraps, table cells and the no-break spaces inside citations
 * ("¶ 12") all become single spaces, so assertions do not depend on where a line broke.
 */
export function flattenText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export async function readDocxText(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return flattenText(value);
}

/** The DOCX as HTML, to check that headings and tables are real Word structure. */
export async function readDocxHtml(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return value;
}

export async function readPdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  // A line that wrapped after a hyphen ("one-" / "year") reads as one word.
  const pages = text.map((page) => flattenText(page.replace(/(\S-)\n/g, "$1")));
  return { pages, text: pages.join(" ") };
}
