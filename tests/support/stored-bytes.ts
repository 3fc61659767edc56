import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { documentBlobs } from "@/lib/db/schema";

/**
 * The stored bytes of a document rot after its quote (overwritten with a broken PDF), so the
 * worker fails its analysis for real. Returns how to put the original bytes back (the
 * operator's fix before a retry).
 */
export async function rotStoredDocument(documentId: string): Promise<() => Promise<void>> {
  const [original] = await db
    .select({ bytes: documentBlobs.bytes })
    .from(documentBlobs)
    .where(eq(documentBlobs.documentId, documentId));
  await db
    .update(documentBlobs)
    .set({ bytes: Buffer.from("%PDF-1.7\nthis is not a pdf any more") })
    .where(eq(documentBlobs.documentId, documentId));
  return async () => {
    if (!original) return;
    await db
      .update(documentBlobs)
      .set({ bytes: original.bytes })
      .where(eq(documentBlobs.documentId, documentId));
  };
}
