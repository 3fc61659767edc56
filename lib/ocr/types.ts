/** One recognised word; box as fractions (0..1) of the page's width/height, origin top-left. */
export type OcrWordBox = { text: string; left: number; top: number; width: number; height: number };

/**
 * One page as OCR read it. `text` keeps the engine's layout conventions: words of a line joined
 * by a space, lines by "\n", paragraphs by a blank line. `meanConfidence` is tesseract's own scale,
 * 0..100, averaged over the page's words (0 for a page without words).
 */
export type OcrPageText = {
  pageNumber: number;
  text: string;
  words: OcrWordBox[];
  meanConfidence: number;
};

/**
 * Bounds of recognising one page: rendering resolution, wall time and address space of each child
 * process, and the most pixels a page (or an image on it) may have before it is refused unread.
 */
export type OcrLimits = {
  dpi: number;
  timeoutMs: number;
  memoryMiB: number;
  maxPagePixels: number;
};
