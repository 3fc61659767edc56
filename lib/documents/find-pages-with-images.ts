import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from "pdf-lib";

/** Form XObjects nest; a scan's image is at most a level or two down. Deeper is not followed. */
const MAX_FORM_DEPTH = 3;

/**
 * Which of `pageNumbers` (1-based) place an image: a page without a text layer that has one is a
 * scan. Read from the page's resources (pdf-lib parses the object structure and never decodes an
 * image), so a 300-page scan is checked in a fraction of the time pdf.js takes to decode every
 * image for an operator list. Images in a content stream itself (inline) are not seen: scanners
 * place images as XObjects.
 */
export async function findPagesWithImages(
  bytes: Uint8Array,
  pageNumbers: readonly number[],
): Promise<number[]> {
  if (pageNumbers.length === 0) return [];
  const pdf = await PDFDocument.load(bytes, {
    ignoreEncryption: true,
    updateMetadata: false,
    throwOnInvalidObject: false,
  });
  const pages = pdf.getPages();
  return pageNumbers.filter((number) => {
    const page = pages[number - 1];
    return page ? resourcesHoldImage(pdf, page.node.Resources(), 0) : false;
  });
}

function resourcesHoldImage(pdf: PDFDocument, resources: PDFDict | undefined, depth: number) {
  const xObjects = resources?.lookupMaybe(PDFName.of("XObject"), PDFDict);
  if (!xObjects) return false;
  for (const value of xObjects.values()) {
    const object = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (!(object instanceof PDFRawStream)) continue;
    const subtype = object.dict.lookupMaybe(PDFName.of("Subtype"), PDFName);
    if (subtype === PDFName.of("Image")) return true;
    if (subtype === PDFName.of("Form") && depth < MAX_FORM_DEPTH) {
      const inner = object.dict.lookupMaybe(PDFName.of("Resources"), PDFDict);
      if (resourcesHoldImage(pdf, inner, depth + 1)) return true;
    }
  }
  return false;
}
