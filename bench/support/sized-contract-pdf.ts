import { randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
} from "pdf-lib";
import { readContract } from "@/tests/support/contracts";

// A scanned A4 exhibit page at 150 dpi, RGB: about 6.5 MB of pixels.
const SCAN_WIDTH = 1240;
const SCAN_HEIGHT = 1754;

/**
 * A PDF of about `targetBytes`: the pages of a real contract (its text is what gets extracted
 * and priced), followed by scanned-exhibit pages whose images carry the rest of the size. The
 * pixels are random, so nothing compresses them away; each image is a FlateDecode stream made
 * here with zlib (pdf-lib's own PNG path would decode and re-deflate every byte).
 */
export async function makeSizedContractPdf(
  contractFile: string,
  targetBytes: number,
): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  const source = await PDFDocument.load(readContract(contractFile), { ignoreEncryption: true });
  for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
  let size = (await out.save()).byteLength;
  while (size < targetBytes) {
    const rows = Math.min(SCAN_HEIGHT, Math.ceil((targetBytes - size) / (SCAN_WIDTH * 3)));
    const pixels = deflateSync(randomBytes(SCAN_WIDTH * 3 * rows), { level: 1 });
    const image = out.context.stream(pixels, {
      Type: "XObject",
      Subtype: "Image",
      Width: SCAN_WIDTH,
      Height: rows,
      ColorSpace: "DeviceRGB",
      BitsPerComponent: 8,
      Filter: "FlateDecode",
    });
    const page = out.addPage([595, 842]);
    const name = page.node.newXObject("Scan", out.context.register(image));
    const height = (rows / SCAN_WIDTH) * 595;
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(595, 0, 0, height, 0, 842 - height),
      drawObject(name),
      popGraphicsState(),
    );
    size += pixels.byteLength + 400; // the stream, its dictionary and the page's objects
  }
  return out.save();
}
