import { rm } from "node:fs/promises";
import path from "node:path";
import { OcrPageError } from "@/lib/errors";
import {
  type ImageSize,
  parsePdfimagesList,
  parsePdfinfoPage,
  renderedPixels,
} from "./parse-page-geometry";
import { parseTesseractTsv } from "./parse-tesseract-tsv";
import { type BoundedRun, BoundedRunStopped, runBoundedCommand } from "./run-bounded-command";
import type { OcrLimits, OcrPageText } from "./types";

// What poppler and tesseract print when an allocation fails under the address-space limit
// (leptonica reports a failed allocation as an unreadable image: "pixRead: pix not read"; the
// image is our own pdftoppm output, so that is memory, not a damaged file).
const OUT_OF_MEMORY =
  /out of memory|bad_alloc|cannot allocate|memory allocation|failed to allocate|failed to map segment|pix not read/i;
// Signals a child dies of when an allocation it did not check fails (abort, segfault).
const CRASH_SIGNALS = new Set(["SIGABRT", "SIGSEGV", "SIGBUS"]);

/**
 * Reads one page of a PDF: checks its size before anything is decoded, renders it to a grey PNG
 * in `workDir` with pdftoppm and recognises it with tesseract, each a bounded child process
 * (runBoundedCommand) sharing the page's deadline. Every way it can fail ends as an OcrPageError
 * naming the page, except an abort, which throws the signal's reason.
 */
export async function recognizePdfPage(
  pdfPath: string,
  pageNumber: number,
  limits: OcrLimits,
  workDir: string,
  signal?: AbortSignal,
): Promise<OcrPageText> {
  // Absolute, so a file name can never be read as an option by the tools.
  const pdf = path.resolve(pdfPath);
  const page = String(pageNumber);
  const bounds = { deadline: Date.now() + limits.timeoutMs, memoryMiB: limits.memoryMiB, signal };
  const fail = (failure: OcrPageError["failure"], why: string) =>
    new OcrPageError(pageNumber, failure, why);
  const run = async (command: string, args: string[]): Promise<BoundedRun> => {
    try {
      return await runBoundedCommand(command, args, bounds);
    } catch (error) {
      if (!(error instanceof BoundedRunStopped)) throw error;
      if (error.why === "timeout") {
        throw fail("ocr_timeout", `reading it took longer than ${formatSeconds(limits.timeoutMs)}`);
      }
      if (error.why === "missing") {
        throw fail(
          "ocr_unavailable",
          "scanned pages cannot be read on this server (OCR is not installed)",
        );
      }
      throw fail("corrupt_image", "reading it produced far more output than any page holds");
    }
  };
  const overMemory = (result: BoundedRun) =>
    OUT_OF_MEMORY.test(result.stderr) || CRASH_SIGNALS.has(result.signal ?? "");
  const memoryError = () =>
    fail("ocr_memory", `reading it needed more than ${limits.memoryMiB} MiB of memory`);
  const tooLarge = (size: ImageSize) =>
    fail(
      "page_too_large",
      `the scanned image is too large (${size.width} × ${size.height} pixels)`,
    );

  // 1. Size first, from the page and image dictionaries: a 20,000 × 20,000 page is refused here,
  //    before a single pixel is decoded.
  const info = await run("pdfinfo", ["-box", "-f", page, "-l", page, pdf]);
  if (/wrong page range/i.test(info.stderr)) {
    throw new RangeError(`page ${pageNumber} is not in ${path.basename(pdf)}`);
  }
  const { size } = parsePdfinfoPage(info.stdout, pageNumber);
  if (info.exitCode !== 0 || !size) throw fail("corrupt_image", "the page is damaged");
  const rendered = renderedPixels(size, limits.dpi);
  if (rendered.width * rendered.height > limits.maxPagePixels) throw tooLarge(rendered);

  const images = await run("pdfimages", ["-list", "-f", page, "-l", page, pdf]);
  for (const image of parsePdfimagesList(images.stdout)) {
    if (image.width * image.height > limits.maxPagePixels) throw tooLarge(image);
  }

  // 2. Render: grey is all tesseract uses, and a third of the memory of colour.
  const prefix = path.join(workDir, `page-${page}`);
  const png = `${prefix}.png`;
  try {
    const render = await run("pdftoppm", [
      ...["-r", String(limits.dpi), "-f", page, "-l", page],
      ...["-gray", "-png", "-singlefile", pdf, prefix],
    ]);
    if (overMemory(render)) throw memoryError();
    if (render.exitCode !== 0) {
      throw fail("corrupt_image", "the scanned image is damaged and cannot be decoded");
    }

    // 3. Recognise.
    const ocr = await run("tesseract", [
      ...[png, "-", "-l", "eng", "--dpi", String(limits.dpi)],
      "tsv",
    ]);
    if (overMemory(ocr)) throw memoryError();
    if (ocr.exitCode !== 0) {
      throw fail("corrupt_image", "the rendered page could not be recognised");
    }
    const text = parseTesseractTsv(ocr.stdout, pageNumber);
    // poppler draws what it can of a broken image stream and says so on stderr: a page that
    // complained and yields no words is a damaged scan, not a blank page.
    if (text.words.length === 0 && /error/i.test(render.stderr)) {
      throw fail("corrupt_image", "the scanned image is damaged and cannot be decoded");
    }
    return text;
  } finally {
    await rm(png, { force: true });
  }
}

function formatSeconds(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 1_000)} s`;
}
