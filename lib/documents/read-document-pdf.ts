import { notFound } from "@/lib/errors";
import { loadStoredDocument } from "./load-stored-document";

/**
 * The stored bytes of this user's PDF, for the in-browser page viewer. Someone else's, a deleted
 * document, one whose bytes were purged, or a DOCX/text file: not found (DOCX and text citations
 * open their paragraph through `readDocumentUnit`).
 */
export async function readDocumentPdf(input: {
  userId: string;
  documentId: string;
}): Promise<{ filename: string; bytes: Uint8Array }> {
  const doc = await loadStoredDocument(input.documentId, input.userId);
  if (doc.kind !== "pdf") throw notFound("PDF");
  return { filename: doc.filename, bytes: doc.bytes };
}
