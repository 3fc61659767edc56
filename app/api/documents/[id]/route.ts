import { z } from "zod";
import { deleteDocument } from "@/lib/deletion/delete-document";
import { withUser } from "@/lib/http/json-route";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

/**
 * Delete my document and every analysis of it (no body): running ones are cancelled and
 * released first; bytes, name, memos and results are purged at once. 204; then 404 for everyone.
 */
export const DELETE = withUser<{ id: string }>(
  "/api/documents/[id]",
  async ({ user, params }) => {
    const documentId = z.string().uuid().parse(params.id);
    await consumeOrThrow("deleteUser", user.id);
    await deleteDocument(user, documentId);
    return new Response(null, { status: 204 });
  },
  { body: "none" },
);
