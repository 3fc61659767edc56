import { PDFDocument } from "pdf-lib";
import { buildScannedPdf } from "@/scripts/eval/build-scanned-pdf";
import { contractPdfs, readContract } from "@/tests/support/contracts";

/** A sample contract (../shared/contracts, CUAD, CC BY 4.0) by the start of its file name. */
export function sampleContract(prefix: string): Uint8Array {
  const contract = contractPdfs().find((c) => c.name.startsWith(prefix));
  if (!contract) throw new Error(`no sample contract starts with ${prefix}`);
  return readContract(contract.file);
}

/** The contract with pages `scanned` (1-based) replaced by what a scanner makes of them. */
export async function withScannedPages(
  bytes: Uint8Array,
  scanned: readonly number[],
): Promise<Uint8Array> {
  const original = await PDFDocument.load(bytes);
  const scan = await PDFDocument.load(await buildScannedPdf(bytes, { dpi: 200 }));
  const mixed = await PDFDocument.create();
  for (let index = 0; index < original.getPageCount(); index++) {
    const from = scanned.includes(index + 1) ? scan : original;
    const [page] = await mixed.copyPages(from, [index]);
    if (page) mixed.addPage(page);
  }
  return mixed.save();
}
