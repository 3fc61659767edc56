import { notFound } from "@/lib/errors";
import { extractDocumentTextInPool } from "./extract-document-text-in-pool";
import { loadStoredDocument } from "./load-stored-document";

export type DocumentUnit = { unit: number; unitLabel: "page" | "paragraph"; text: string };

/**
 * One page (PDF) or paragraph (DOCX, text) of this user's stored document, so a citation can
 * show the quoted words in place. A PDF reads just that page.
 */
export async function readDocumentUnit(input: {
  userId: string;
  documentId: string;
  unit: number;
}): Promise<DocumentUnit> {
  const doc = await loadStoredDocument(input.documentId, input.userId);
  const text = await extractDocumentTextInPool(
    doc.bytes,
    doc.kind,
    doc.kind === "pdf" ? { pages: { first: input.unit, last: input.unit } } : {},
  );
  const found = text.units.find((u) => u.index === input.unit);
  if (!found) throw notFound(text.unitLabel === "page" ? "Page" : "Paragraph");
  return { unit: found.index, unitLabel: text.unitLabel, text: found.text };
}
