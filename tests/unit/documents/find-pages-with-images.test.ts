import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { findPagesWithImages } from "@/lib/documents/find-pages-with-images";
import { inspectDocumentInProcess } from "@/lib/documents/inspect-document-in-process";
import { buildScannedPdf } from "@/scripts/eval/build-scanned-pdf";
import { contractPdfs, readContract } from "@/tests/support/contracts";

/** A real 4-page contract whose pages 2 and 3 are replaced by low-resolution scans of them. */
async function mixedContract(): Promise<Uint8Array> {
  const contract = contractPdfs().find((c) => c.name.startsWith("HOLIDAYRVSUPERSTORES"));
  if (!contract) throw new Error("sample contract missing");
  const bytes = readContract(contract.file);
  const original = await PDFDocument.load(bytes);
  const scan = await PDFDocument.load(await buildScannedPdf(bytes, { dpi: 30 }));
  const mixed = await PDFDocument.create();
  for (let index = 0; index < 4; index++) {
    const [page] = await mixed.copyPages(index === 1 || index === 2 ? scan : original, [index]);
    if (page) mixed.addPage(page);
  }
  return mixed.save();
}

describe("scanned pages at upload", { timeout: 30_000 }, () => {
  it("finds the pages that place an image, without decoding it", async () => {
    const bytes = await mixedContract();
    expect(await findPagesWithImages(bytes, [1, 2, 3, 4])).toEqual([2, 3]);
    expect(await findPagesWithImages(bytes, [])).toEqual([]);
  });

  it("inspection lists only textless pages that are scans (page 4 is blank, no image)", async () => {
    const inspection = await inspectDocumentInProcess(await mixedContract());
    expect(inspection.pageCount).toBe(4);
    expect(inspection.scannedPages).toEqual([2, 3]);
    expect(inspection.looksLikeContract).toBe(true);
  });
});
