import mammoth from "mammoth";
import { DocumentError } from "@/lib/errors";
import { assertZipNotBomb } from "./assert-zip-not-bomb";
import { countWords } from "./count-words";
import { estimatePageCount } from "./estimate-page-count";
import { readZipDirectory, type ZipEntry } from "./read-zip-directory";
import { readZipEntry } from "./read-zip-entry";
import { splitParagraphs } from "./split-paragraphs";
import { textTooLargeError } from "./text-too-large-error";
import type { ExtractedText, ExtractLimits, TextUnit } from "./types";

const MAX_APP_XML_BYTES = 1024 * 1024;
/**
 * Word caches the page count in docProps/app.xml at save time, but it can be stale, and it is
 * user-editable. A page holding more than this many times the billing words-per-page is not
 * credible (a forged `<Pages>1</Pages>` on a long contract), so we fall back to the estimate.
 */
const MAX_WORDS_PER_PAGE_FACTOR = 3;
const MAX_DECLARED_PAGES = 100_000;

function corrupt(): DocumentError {
  return new DocumentError(
    "corrupt",
    "This Word document is damaged and cannot be read. Open it in Word, save it again as .docx and upload it again.",
  );
}

function readDeclaredPages(bytes: Uint8Array, entries: ZipEntry[]): number | undefined {
  const appXml = entries.find((e) => e.name.toLowerCase() === "docprops/app.xml");
  if (!appXml) return undefined;
  try {
    const xml = readZipEntry(bytes, appXml, MAX_APP_XML_BYTES);
    if (!xml) return undefined;
    const match = /<(?:\w+:)?Pages>\s*(\d{1,9})\s*</.exec(new TextDecoder().decode(xml));
    return match?.[1] ? Number(match[1]) : undefined;
  } catch {
    // Metadata is optional; a broken app.xml must not fail an otherwise readable document.
    return undefined;
  }
}

function choosePageCount(declared: number | undefined, wordCount: number): number {
  const estimate = estimatePageCount(wordCount);
  if (declared === undefined || declared < 1 || declared > MAX_DECLARED_PAGES) return estimate;
  const minimumCredible = Math.ceil(estimate / MAX_WORDS_PER_PAGE_FACTOR);
  return declared >= minimumCredible ? declared : estimate;
}

async function readRawText(bytes: Uint8Array): Promise<string> {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.extractRawText({ buffer });
    return result.value;
  } catch {
    throw corrupt();
  }
}

/** DOCX via mammoth: one unit per non-empty paragraph (table cells count as paragraphs). */
export async function extractDocxText(
  bytes: Uint8Array,
  limits: ExtractLimits,
): Promise<ExtractedText> {
  const entries = readZipDirectory(bytes);
  // Before mammoth: jszip inflates whatever the archive holds, with no size limit of its own.
  await assertZipNotBomb(bytes, entries);
  limits.signal?.throwIfAborted();

  const raw = await readRawText(bytes);
  limits.signal?.throwIfAborted();

  const units: TextUnit[] = splitParagraphs(raw).map((text, i) => ({ index: i + 1, text }));
  const charCount = units.reduce((sum, unit) => sum + unit.text.length, 0);
  if (charCount > limits.maxChars) throw textTooLargeError(limits.maxChars);
  const wordCount = units.reduce((sum, unit) => sum + countWords(unit.text), 0);
  if (wordCount === 0) {
    throw new DocumentError(
      "no_text",
      "This Word document has no text in it. If it only contains images or scans, it is not supported yet.",
    );
  }
  return {
    kind: "docx",
    unitLabel: "paragraph",
    units,
    pageCount: choosePageCount(readDeclaredPages(bytes, entries), wordCount),
    wordCount,
    charCount,
  };
}
