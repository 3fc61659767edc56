import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { documents } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { extractDocumentText } from "./extract-document-text";
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
  const [owned] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.id, input.documentId), eq(documents.userId, input.userId)));
  if (!owned) throw notFound("Document");
  const doc = await loadStoredDocument(input.documentId);
  const text = await extractDocumentText(
    doc.bytes,
    doc.kind,
    doc.kind === "pdf" ? { pages: { first: input.unit, last: input.unit } } : {},
  );
  const found = text.units.find((u) => u.index === input.unit);
  if (!found) throw notFound(text.unitLabel === "page" ? "Page" : "Paragraph");
  return { unit: found.index, unitLabel: text.unitLabel, text: found.text };
}
