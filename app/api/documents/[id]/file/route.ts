import { z } from "zod";
import { readDocumentPdf } from "@/lib/documents/read-document-pdf";
import { withUser } from "@/lib/http/json-route";

/**
 * The user's own PDF, for the citation viewer (pdf.js renders the cited page in the browser).
 * 404 for anyone else's, a deleted document, purged bytes, or a file that is not a PDF.
 */
export const GET = withUser<{ id: string }>(
  "/api/documents/[id]/file",
  async ({ user, params }) => {
    const documentId = z.string().uuid().parse(params.id);
    const { filename, bytes } = await readDocumentPdf({ userId: user.id, documentId });
    return new Response(Buffer.from(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-length": String(bytes.byteLength),
        "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "cache-control": "private, max-age=300",
      },
    });
  },
);
