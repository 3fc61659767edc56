import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";

/** What a user is told when the bytes of their document are gone (retention purged them). */
export function documentPurgedMessage(): string {
  const days = env.DOCUMENT_RETENTION_DAYS;
  const after = days > 0 ? ` after ${days} ${days === 1 ? "day" : "days"}` : "";
  return `The original file was removed${after}; upload it again to analyze it. Nothing was charged.`;
}

/**
 * Before anything is started on a document: a deleted one does not exist (404); one whose bytes
 * retention removed cannot be analyzed again (409, with what to do).
 */
export function assertDocumentStored(doc: {
  deletedAt: Date | null;
  bytesPurgedAt: Date | null;
}): void {
  if (doc.deletedAt) throw notFound("Document");
  if (doc.bytesPurgedAt) {
    throw new AppError("conflict", documentPurgedMessage(), { reason: "document_purged" });
  }
}
