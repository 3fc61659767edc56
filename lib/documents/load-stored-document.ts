import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type DocumentKind, documentBlobs, documents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export type StoredDocument = {
  filename: string;
  kind: DocumentKind;
  pageCount: number;
  bytes: Uint8Array;
};

/** A stored document with its bytes, for the worker. Missing → a permanent, user-facing error. */
export async function loadStoredDocument(documentId: string): Promise<StoredDocument> {
  const [doc] = await db
    .select({
      filename: documents.filename,
      kind: documents.kind,
      pageCount: documents.pageCount,
      bytes: documentBlobs.bytes,
    })
    .from(documents)
    .innerJoin(documentBlobs, eq(documentBlobs.documentId, documents.id))
    .where(eq(documents.id, documentId));
  if (!doc)
    throw new AppError("not_found", "The uploaded file is missing. Please upload it again.");
  return { ...doc, bytes: new Uint8Array(doc.bytes) };
}
