import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { documentBlobs, documentOcrPages, documents, type OcrWordRow } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { extractDocumentTextInPool } from "./extract-document-text-in-pool";
import { loadStoredDocument } from "./load-stored-document";

export type DocumentUnit = {
  unit: number;
  unitLabel: "page" | "paragraph";
  text: string;
  /** A scanned page read by OCR: its recognised words with their boxes (fractions of the page),
   *  so the page view can highlight a quote on the image; the text is the recognised text. */
  words?: OcrWordRow[];
};

/**
 * One page (PDF) or paragraph (DOCX, text) of this user's stored document, so a citation can
 * show the quoted words in place. A PDF reads just that page; a scanned page answers what OCR
 * read there (the text the analysis quoted from).
 */
export async function readDocumentUnit(input: {
  userId: string;
  documentId: string;
  unit: number;
}): Promise<DocumentUnit> {
  const ocrPage = await readOcrPageOnly(input);
  if (ocrPage) return ocrPage;
  const doc = await loadStoredDocument(input.documentId, input.userId);
  if (doc.kind === "pdf" && doc.scannedPages.includes(input.unit)) {
    const [ocr] = await db
      .select({ text: documentOcrPages.text, words: documentOcrPages.words })
      .from(documentOcrPages)
      .where(
        and(eq(documentOcrPages.documentId, doc.id), eq(documentOcrPages.pageNumber, input.unit)),
      );
    if (ocr) return { unit: input.unit, unitLabel: "page", text: ocr.text, words: ocr.words };
  }
  const text = await extractDocumentTextInPool(
    doc.bytes,
    doc.kind,
    doc.kind === "pdf"
      ? { pages: { first: input.unit, last: input.unit }, allowScanned: true }
      : {},
  );
  const found = text.units.find((u) => u.index === input.unit);
  if (!found) throw notFound(text.unitLabel === "page" ? "Page" : "Paragraph");
  return { unit: found.index, unitLabel: text.unitLabel, text: found.text };
}

/**
 * A scanned page OCR read, without pulling the file's bytes out of the database: answered only
 * when the slow path below would answer the same — the user's own, not deleted PDF whose bytes
 * are stored (the blob row, which is all `loadStoredDocument` checks; the bytes are not read),
 * the page among its scanned pages, and OCR's row for it. Anything else (undefined) goes the
 * slow path, which gives today's answers and not-founds.
 */
async function readOcrPageOnly(input: {
  userId: string;
  documentId: string;
  unit: number;
}): Promise<DocumentUnit | undefined> {
  const [ocr] = await db
    .select({ text: documentOcrPages.text, words: documentOcrPages.words })
    .from(documentOcrPages)
    .innerJoin(documents, eq(documents.id, documentOcrPages.documentId))
    .innerJoin(documentBlobs, eq(documentBlobs.documentId, documents.id))
    .where(
      and(
        eq(documents.id, input.documentId),
        eq(documents.userId, input.userId),
        isNull(documents.deletedAt),
        eq(documents.kind, "pdf"),
        sql`${input.unit}::int = any(${documents.scannedPages})`,
        eq(documentOcrPages.pageNumber, input.unit),
      ),
    );
  return ocr && { unit: input.unit, unitLabel: "page", text: ocr.text, words: ocr.words };
}
