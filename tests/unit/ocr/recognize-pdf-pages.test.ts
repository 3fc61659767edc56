import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OcrPageError } from "@/lib/errors";
import { getOcrAvailability } from "@/lib/ocr/get-ocr-availability";
import { recognizePdfPages } from "@/lib/ocr/recognize-pdf-pages";
import { buildScannedPdf } from "@/scripts/eval/build-scanned-pdf";

// Real tesseract and poppler, no mocks: `.ci/run` installs them. A machine without them skips
// this file (getOcrAvailability says why; `npm run dev` says so too).
const ocr = await getOcrAvailability();

const PAGE_TEXTS = [
  [
    "This Agreement shall terminate on December 31, 2025.",
    "Either party may terminate it upon thirty days notice.",
  ],
  [
    "The Licensee shall pay royalties quarterly.",
    "This Agreement is governed by the laws of Delaware.",
  ],
];

/** A PDF holding one image XObject drawn over a Letter page, with the given dictionary. */
async function pdfWithImage(filter: string, width: number, height: number, bytes: Uint8Array) {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const image = doc.context.stream(bytes, {
    Type: "XObject",
    Subtype: "Image",
    Width: width,
    Height: height,
    ColorSpace: "DeviceGray",
    BitsPerComponent: 8,
    Filter: filter,
  });
  page.node.setXObject(PDFName.of("Im0"), doc.context.register(image));
  page.node.set(
    PDFName.of("Contents"),
    doc.context.register(doc.context.stream("q 612 0 0 792 0 0 cm /Im0 Do Q")),
  );
  return doc.save();
}

describe.skipIf(!ocr.available)("recognizePdfPages (tesseract + poppler)", () => {
  let dir: string;
  let scanned: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "ocr-test-"));
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    for (const lines of PAGE_TEXTS) {
      doc
        .addPage([612, 792])
        .drawText(lines.join("\n"), { x: 72, y: 700, size: 14, font, lineHeight: 20 });
    }
    scanned = path.join(dir, "scanned.pdf");
    await writeFile(scanned, await buildScannedPdf(await doc.save(), { dpi: 200 }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads a scanned page's words, lines and boxes", async () => {
    const [page] = await recognizePdfPages(scanned, [1]);
    expect(page?.pageNumber).toBe(1);
    // Lines stay lines: the engine's sentence splitting and headings depend on them.
    expect(page?.text.split("\n")).toEqual(PAGE_TEXTS[0]);
    const first = page?.words[0];
    expect(first?.text).toBe("This");
    // Drawn at x = 72 pt of 612, baseline 700 pt of 792 from the bottom (14 pt type).
    expect(first?.left).toBeCloseTo(72 / 612, 2);
    expect(first?.top).toBeGreaterThan((792 - 700 - 14) / 792 - 0.01);
    expect(first?.top).toBeLessThan((792 - 700) / 792);
    expect(first?.height).toBeGreaterThan(0);
    expect(page?.meanConfidence).toBeGreaterThan(80);
  });

  it("refuses a page of 20,000 × 20,000 pixels before rendering it", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([7200, 7200]); // 100 inches square: 20,000 pixels a side at 200 dpi
    const file = path.join(dir, "huge-page.pdf");
    await writeFile(file, await doc.save());
    const refused = recognizePdfPages(file, [1], { limits: { dpi: 200 } });
    await expect(refused).rejects.toBeInstanceOf(OcrPageError);
    await expect(refused).rejects.toThrow(
      "Page 1 could not be read: the scanned image is too large (20000 × 20000 pixels).",
    );
  });

  it("refuses an image declaring 20,000 × 20,000 pixels without decoding it", async () => {
    const file = path.join(dir, "huge-image.pdf");
    await writeFile(file, await pdfWithImage("FlateDecode", 20_000, 20_000, new Uint8Array(64)));
    await expect(recognizePdfPages(file, [1])).rejects.toMatchObject({
      failure: "page_too_large",
      pageNumber: 1,
    });
  });

  it("fails clearly on a corrupt image stream", async () => {
    const file = path.join(dir, "corrupt.pdf");
    const garbage = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    await writeFile(file, await pdfWithImage("DCTDecode", 800, 800, garbage));
    const failed = recognizePdfPages(file, [1]);
    await expect(failed).rejects.toMatchObject({ failure: "corrupt_image", code: "bad_document" });
    await expect(failed).rejects.toThrow(/^Page 1 could not be read: .*damaged/);
  });

  it("kills a page over its time limit", async () => {
    await expect(
      recognizePdfPages(scanned, [1], { limits: { timeoutMs: 1 } }),
    ).rejects.toMatchObject({
      failure: "ocr_timeout",
    });
  });

  it("fails a page over its memory limit", async () => {
    await expect(
      recognizePdfPages(scanned, [1], { limits: { memoryMiB: 100 } }),
    ).rejects.toMatchObject({
      failure: "ocr_memory",
    });
  });

  it("stops between pages on cancel, throwing the abort reason", async () => {
    const controller = new AbortController();
    const reason = new Error("cancelled by the user");
    const progress: string[] = [];
    const run = recognizePdfPages(scanned, [1, 2], {
      signal: controller.signal,
      onPage: (done, total) => {
        progress.push(`${done}/${total}`);
        controller.abort(reason);
      },
    });
    await expect(run).rejects.toBe(reason);
    expect(progress).toEqual(["1/2"]);
  });
});
