import { normalizePageText } from "@/lib/documents/normalize-page-text";
import { repairOcrText } from "./repair-ocr-text";
import type { OcrPageText, OcrWordBox } from "./types";

// tesseract's TSV: one row per page (level 1), block (2), paragraph (3), line (4) and word (5).
const PAGE_LEVEL = 1;
const WORD_LEVEL = 5;

/**
 * A page's text, word boxes and mean confidence from `tesseract … tsv`. Words of one line are
 * joined by a space, lines by a line break and paragraphs (tesseract's blocks and paragraphs) by
 * a blank line, the layout pdf.js gives a text layer, so the engine's headings, numbering and
 * sentence splitting read OCR text like any other.
 */
export function parseTesseractTsv(tsv: string, pageNumber: number): OcrPageText {
  let pageWidth = 0;
  let pageHeight = 0;
  const words: OcrWordBox[] = [];
  let text = "";
  let confidenceSum = 0;
  let paragraphKey = "";
  let lineKey = "";

  for (const row of tsv.split("\n")) {
    const cells = row.split("\t");
    if (cells.length < 12) continue;
    const level = Number(cells[0]);
    const [left, top, width, height] = cells.slice(6, 10).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (level === PAGE_LEVEL) {
      pageWidth = width;
      pageHeight = height;
      continue;
    }
    if (level !== WORD_LEVEL) continue;
    // The text is the last column; a word never holds a tab, but be safe and rejoin the rest.
    const word = cells.slice(11).join("\t").trim();
    if (word === "" || pageWidth <= 0 || pageHeight <= 0) continue;

    const paragraph = `${cells[2]}/${cells[3]}`;
    const line = `${paragraph}/${cells[4]}`;
    if (text !== "") {
      if (paragraph !== paragraphKey) text += "\n\n";
      else if (line !== lineKey) text += "\n";
      else text += " ";
    }
    paragraphKey = paragraph;
    lineKey = line;
    text += word;

    words.push({
      text: word,
      left: left / pageWidth,
      top: top / pageHeight,
      width: width / pageWidth,
      height: height / pageHeight,
    });
    confidenceSum += Math.max(0, Number(cells[10]) || 0);
  }

  return {
    pageNumber,
    text: repairOcrText(normalizePageText(text)),
    words,
    meanConfidence: words.length > 0 ? confidenceSum / words.length : 0,
  };
}
