import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type DocumentKind, documentBlobs, documents } from "@/lib/db/schema";
import { documentPurgedMessage } from "@/lib/deletion/assert-document-stored";
import { AppError } from "@/lib/errors";

export type StoredDocument = {
  id: string;
  filename: string;
  kind: DocumentKind;
  pageCount: number;
  /** Pages read by OCR (`documents.scanned_pages`). */
  scannedPages: number[];
  bytes: Uint8Array;
};

/**
 * A stored document with its bytes (the worker; or a user reading their own document, when
 * `ownerId` is given). Missing or someone else's → a permanent, user-facing not-found error.
 */
export async function loadStoredDocument(
  documentId: string,
  ownerId?: string,
): Promise<StoredDocument> {
  const [doc] = await db
    .select({
      id: documents.id,
      filename: documents.filename,
      kind: documents.kind,
      pageCount: documents.pageCount,
      scannedPages: documents.scannedPages,
      bytes: documentBlobs.bytes,
      bytesPurgedAt: documents.bytesPurgedAt,
    })
    .from(documents)
    .leftJoin(documentBlobs, eq(documentBlobs.documentId, documents.id))
    .where(
      and(
        eq(documents.id, documentId),
        ownerId ? eq(documents.userId, ownerId) : undefined,
        // A deleted document answers 404 to everyone, its owner included.
        isNull(documents.deletedAt),
      ),
    );
  if (doc && !doc.bytes && doc.bytesPurgedAt) {
    throw new AppError("not_found", documentPurgedMessage(), { reason: "document_purged" });
  }
  if (!doc?.bytes)
    throw new AppError("not_found", "The uploaded file is missing. Please upload it again.");
  const { bytesPurgedAt: _purged, ...stored } = doc;
  return { ...stored, bytes: new Uint8Array(doc.bytes) };
}
