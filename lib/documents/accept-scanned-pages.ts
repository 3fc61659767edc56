import { getOcrAvailability } from "@/lib/ocr/get-ocr-availability";
import { scannedPdfError } from "./extract-pdf-text";

/** Scanned pages of an upload that will not be read, and the quote's sentence saying so. */
export type UnreadScans = { pages: number[]; message: string };

/**
 * The scanned pages an upload will have read by OCR (and be billed for as such). Without OCR on
 * this deployment a PDF that is all scans is refused as before, clearly and for free; a mixed one
 * is read from its text pages only, and the quote names the scans left unread (`unread`), so the
 * user knows before paying that those pages are not in the analysis.
 */
export async function acceptScannedPages(facts: {
  scannedPages: readonly number[];
  wordCount: number;
}): Promise<{ accepted: number[]; unread: UnreadScans | null }> {
  if (facts.scannedPages.length === 0) return { accepted: [], unread: null };
  const ocr = await getOcrAvailability();
  if (ocr.available) return { accepted: [...facts.scannedPages], unread: null };
  if (facts.wordCount === 0) throw scannedPdfError();
  const pages = [...facts.scannedPages];
  return { accepted: [], unread: { pages, message: unreadScansMessage(pages) } };
}

/** "Pages 3, 5 and 9–12 are scans and will not be read: OCR (text recognition) is off …". */
export function unreadScansMessage(pages: readonly number[]): string {
  const subject =
    pages.length === 1 ? `Page ${pages[0]} is a scan` : `Pages ${formatPageList(pages)} are scans`;
  return `${subject} and will not be read: OCR (text recognition) is off on this server, so the analysis covers only the other pages.`;
}

/** Ascending pages as a list with runs of three or more shortened: [1,2,3,5,7,8] → "1–3, 5, 7 and 8". */
function formatPageList(pages: readonly number[]): string {
  const parts: string[] = [];
  const sorted = [...pages].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const first = sorted[i];
    const last = sorted[j];
    if (j - i >= 2) parts.push(`${first}–${last}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.length <= 1
    ? (parts[0] ?? "")
    : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
