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
  const answers: Answers = Array.from({ length: MAX_FORM_DEPTH + 1 }, () => new Map());
  return pageNumbers.filter((number) => {
    const page = pages[number - 1];
    return page ? resourcesHoldImage(pdf, page.node.Resources(), 0, answers) : false;
  });
}

/**
 * The answer for each XObject dictionary already looked through, by the depth it was reached at
 * (the answer depends on how much depth is left). Forms that all share the same forms would
 * otherwise be walked again on every path to them: ~N^depth visits per page.
 */
type Answers = Map<PDFDict, boolean>[];

function resourcesHoldImage(
  pdf: PDFDocument,
  resources: PDFDict | undefined,
  depth: number,
  answers: Answers,
): boolean {
  const xObjects = resources?.lookupMaybe(PDFName.of("XObject"), PDFDict);
  if (!xObjects) return false;
  const known = answers[depth]?.get(xObjects);
  if (known !== undefined) return known;
  const answer = xObjectsHoldImage(pdf, xObjects, depth, answers);
  answers[depth]?.set(xObjects, answer);
  return answer;
}

function xObjectsHoldImage(pdf: PDFDocument, xObjects: PDFDict, depth: number, answers: Answers) {
  for (const value of xObjects.values()) {
    const object = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (!(object instanceof PDFRawStream)) continue;
    const subtype = object.dict.lookupMaybe(PDFName.of("Subtype"), PDFName);
    if (subtype === PDFName.of("Image")) return true;
    if (subtype === PDFName.of("Form") && depth < MAX_FORM_DEPTH) {
      const inner = object.dict.lookupMaybe(PDFName.of("Resources"), PDFDict);
      if (resourcesHoldImage(pdf, inner, depth + 1, answers)) return true;
    }
  }
  return false;
}
