import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type DocumentKind, documentBlobs, documents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export type StoredDocument = {
  filename: string;
  kind: DocumentKind;
  pageCount: number;
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
      filename: documents.filename,
      kind: documents.kind,
      pageCount: documents.pageCount,
      bytes: documentBlobs.bytes,
    })
    .from(documents)
    .innerJoin(documentBlobs, eq(documentBlobs.documentId, documents.id))
    .where(
      ownerId
        ? and(eq(documents.id, documentId), eq(documents.userId, ownerId))
        : eq(documents.id, documentId),
    );
  if (!doc)
    throw new AppError("not_found", "The uploaded file is missing. Please upload it again.");
  return { ...doc, bytes: new Uint8Array(doc.bytes) };
}
