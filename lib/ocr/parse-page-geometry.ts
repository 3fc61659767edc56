/** A page's size in points (1/72 inch), the larger of its media and crop boxes. */
export type PageSize = { widthPts: number; heightPts: number };
/** Pixel size of one image drawn on a page, as its dictionary declares it. */
export type ImageSize = { width: number; height: number };

const SIZE_LINE = /^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts/m;
const BOX_LINE =
  /^Page\s+(\d+)\s+(?:MediaBox|CropBox):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)/gm;
const PAGES_LINE = /^Pages:\s+(\d+)/m;

/** Page count and the size of page `pageNumber` from `pdfinfo -box -f N -l N`; undefined if absent. */
export function parsePdfinfoPage(
  output: string,
  pageNumber: number,
): { pageCount: number | undefined; size: PageSize | undefined } {
  const pages = PAGES_LINE.exec(output);
  const pageCount = pages ? Number(pages[1]) : undefined;
  let widthPts = 0;
  let heightPts = 0;
  const size = SIZE_LINE.exec(output);
  if (size && Number(size[1]) === pageNumber) {
    widthPts = Number(size[2]);
    heightPts = Number(size[3]);
  }
  // pdftoppm renders the media box, pdfinfo's "size" is the crop box: whichever is larger is
  // what rendering could cost.
  for (const box of output.matchAll(BOX_LINE)) {
    if (Number(box[1]) !== pageNumber) continue;
    widthPts = Math.max(widthPts, Math.abs(Number(box[4]) - Number(box[2])));
    heightPts = Math.max(heightPts, Math.abs(Number(box[5]) - Number(box[3])));
  }
  const known = Number.isFinite(widthPts) && Number.isFinite(heightPts) && widthPts > 0;
  return { pageCount, size: known ? { widthPts, heightPts } : undefined };
}

/** Pixels a page renders to at `dpi` (pdftoppm rounds each side up). */
export function renderedPixels(size: PageSize, dpi: number): ImageSize {
  return {
    width: Math.ceil((size.widthPts / 72) * dpi),
    height: Math.ceil((size.heightPts / 72) * dpi),
  };
}

/**
 * The images of a page from `pdfimages -list -f N -l N` (the table's width and height columns,
 * read from each image's dictionary: nothing is decoded). Malformed rows are skipped.
 */
export function parsePdfimagesList(output: string): ImageSize[] {
  const images: ImageSize[] = [];
  for (const line of output.split("\n")) {
    const cells = line.trim().split(/\s+/);
    // page num type width height …
    if (cells.length < 5 || !/^\d+$/.test(cells[0] ?? "")) continue;
    const width = Number(cells[3]);
    const height = Number(cells[4]);
    if (Number.isFinite(width) && Number.isFinite(height)) images.push({ width, height });
  }
  return images;
}
