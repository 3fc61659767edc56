import { PDFDocument } from "pdf-lib";
import { contractPdfs, readContract } from "@/tests/support/contracts";

/**
 * A real large PDF: the pages of the sample contracts (../shared/contracts, CUAD — see its
 * ATTRIBUTION.txt) copied one after another, in name order, until `pages` pages. Real fonts,
 * layouts and text layers, unlike a generated PDF.
 */
export async function makeLargeContractPdf(pages: number): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  const sources = contractPdfs().sort((a, b) => a.name.localeCompare(b.name));
  while (out.getPageCount() < pages) {
    for (const source of sources) {
      const remaining = pages - out.getPageCount();
      if (remaining <= 0) break;
      const pdf = await PDFDocument.load(readContract(source.file), { ignoreEncryption: true });
      const indices = pdf.getPageIndices().slice(0, remaining);
      for (const page of await out.copyPages(pdf, indices)) out.addPage(page);
    }
  }
  return out.save();
}
