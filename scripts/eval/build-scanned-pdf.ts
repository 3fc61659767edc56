import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";

const run = promisify(execFile);

/**
 * What a scanner would have made of a PDF: every page rendered at `dpi` to a grey JPEG (quality 85,
 * like a copier's default) and placed alone on a page of the same size, with no text layer. For
 * the eval's `--scanned` and the OCR tests; the input is our own data, so pdftoppm runs unbounded.
 */
export async function buildScannedPdf(
  pdfBytes: Uint8Array,
  options: { dpi: number },
): Promise<Uint8Array> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), "clauseflow-scan-"));
  try {
    const source = path.join(workDir, "source.pdf");
    await writeFile(source, pdfBytes);
    await run(
      "pdftoppm",
      [
        ...["-r", String(options.dpi), "-gray", "-jpeg", "-jpegopt", "quality=85"],
        ...[source, path.join(workDir, "page")],
      ],
      { maxBuffer: 1 << 20 },
    );
    // pdftoppm numbers the files page-1.jpg or page-01.jpg… by the page count's digits.
    const images = (await readdir(workDir))
      .filter((name) => name.endsWith(".jpg"))
      .sort((a, b) => pageOf(a) - pageOf(b));
    const scanned = await PDFDocument.create();
    for (const name of images) {
      const image = await scanned.embedJpg(await readFile(path.join(workDir, name)));
      const width = (image.width / options.dpi) * 72;
      const height = (image.height / options.dpi) * 72;
      scanned.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
    }
    return await scanned.save();
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function pageOf(fileName: string): number {
  return Number(/-(\d+)\.jpg$/.exec(fileName)?.[1] ?? Number.NaN);
}
