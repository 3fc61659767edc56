import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { ExtractedText } from "@/lib/analysis/types";
import { countWords } from "@/lib/documents/count-words";
import { recognizePdfPages } from "@/lib/ocr/recognize-pdf-pages";
import { repairOcrText } from "@/lib/ocr/repair-ocr-text";
import type { OcrPageText } from "@/lib/ocr/types";
import { buildScannedPdf } from "./build-scanned-pdf";
import { countCharacterErrors } from "./character-error-rate";

const run = promisify(execFile);

/** The resolution the proof scans at (the OCR itself reads at OCR_DPI). */
const SCAN_DPI = 200;

/** Character errors against the text layer in reading order, and in the order pdf.js reads it. */
export type OcrTally = {
  pages: number;
  edits: number;
  characters: number;
  editsPdfjsOrder: number;
  charactersPdfjsOrder: number;
  ocrSeconds: number;
  freshPages: number;
};

/**
 * `npm run eval -- --scanned`: what the pipeline reads when a contract arrives as a scan. The PDF
 * is turned into an image-only PDF (cached under `cacheDir` by the original's hash, so reruns
 * skip it), every page is recognised by the product's OCR (recognizePdfPages), and the recognised
 * pages replace the text layer in the same ExtractedText the engine reads. The text layer of the
 * original is the reference of the character error rate, added to `tally`. With `cacheOcr` the
 * recognised pages are cached too (developing rules); reported speeds come from runs without.
 */
export async function readScannedText(
  pdfFile: string,
  textLayer: ExtractedText,
  options: { cacheDir: string; cacheOcr: boolean; tally: OcrTally },
): Promise<ExtractedText> {
  const bytes = new Uint8Array(readFileSync(pdfFile));
  const hash = createHash("sha256").update(bytes).digest("hex");
  const scanned = path.join(options.cacheDir, `scanned-${SCAN_DPI}dpi`, `${hash}.pdf`);
  if (!existsSync(scanned)) {
    mkdirSync(path.dirname(scanned), { recursive: true });
    writeFileSync(scanned, await buildScannedPdf(bytes, { dpi: SCAN_DPI }));
  }

  const pageNumbers = textLayer.units.map((unit) => unit.index);
  const ocrCache = path.join(options.cacheDir, "ocr", `${hash}.json`);
  let pages: OcrPageText[];
  if (options.cacheOcr && existsSync(ocrCache)) {
    // Mended again with today's rules, so changing repairOcrText needs no new OCR run.
    pages = (JSON.parse(readFileSync(ocrCache, "utf8")) as OcrPageText[]).map((page) => ({
      ...page,
      text: repairOcrText(page.text),
    }));
  } else {
    const started = performance.now();
    pages = await recognizePdfPages(scanned, pageNumbers);
    options.tally.ocrSeconds += (performance.now() - started) / 1000;
    options.tally.freshPages += pages.length;
    if (options.cacheOcr) {
      mkdirSync(path.dirname(ocrCache), { recursive: true });
      writeFileSync(ocrCache, JSON.stringify(pages));
    }
  }

  const units = pages.map((page) => ({ index: page.pageNumber, text: page.text }));
  // The reference is the original's text layer as poppler reads it, in reading order: pdf.js
  // returns text in content-stream order, which on some PDFs puts whole paragraphs elsewhere on
  // the page — an edit distance counts that as errors the OCR never made (bench/EVAL.md).
  const readingOrder = (await run("pdftotext", ["-enc", "UTF-8", pdfFile, "-"])).stdout.split("\f");
  textLayer.units.forEach((unit, i) => {
    const recognised = units[i]?.text ?? "";
    const errors = countCharacterErrors(readingOrder[unit.index - 1] ?? "", recognised);
    options.tally.edits += errors.edits;
    options.tally.characters += errors.characters;
    const pdfjsOrder = countCharacterErrors(unit.text, recognised);
    options.tally.editsPdfjsOrder += pdfjsOrder.edits;
    options.tally.charactersPdfjsOrder += pdfjsOrder.characters;
  });
  options.tally.pages += units.length;
  return {
    ...textLayer,
    units,
    wordCount: units.reduce((sum, unit) => sum + countWords(unit.text), 0),
    charCount: units.reduce((sum, unit) => sum + unit.text.length, 0),
  };
}

export function emptyOcrTally(): OcrTally {
  return {
    pages: 0,
    edits: 0,
    characters: 0,
    editsPdfjsOrder: 0,
    charactersPdfjsOrder: 0,
    ocrSeconds: 0,
    freshPages: 0,
  };
}

const percent = (edits: number, characters: number) =>
  `${(characters > 0 ? (100 * edits) / characters : 0).toFixed(2)} %`;

/**
 * `ocr: pages P, character error rate C, pages/s S`, the proof's summary line, then the error
 * rate against the text layer in pdf.js's order (what the engine reads from a text PDF).
 */
export function formatOcrLines(tally: OcrTally): string {
  const speed =
    tally.freshPages > 0 ? (tally.freshPages / tally.ocrSeconds).toFixed(2) : "n/a (cached)";
  return [
    `ocr: pages ${tally.pages}, character error rate ${percent(tally.edits, tally.characters)}, pages/s ${speed}`,
    `ocr-pdfjs-order: character error rate ${percent(tally.editsPdfjsOrder, tally.charactersPdfjsOrder)} against the text layer in pdf.js order`,
  ].join("\n");
}
