import { z } from "zod";
import { buildMemosZip } from "@/lib/batches/build-memos-zip";
import { contentDispositionAttachment } from "@/lib/documents/sanitize-filename";
import { withUser } from "@/lib/http/json-route";

/** Every succeeded memo of my batch (Markdown), in one ZIP. */
export const GET = withUser<{ id: string }>(
  "/api/batches/[id]/memos.zip",
  async ({ user, params }) => {
    const batchId = z.string().uuid().parse(params.id);
    const zip = await buildMemosZip({ userId: user.id, batchId });
    return new Response(zip.bytes, {
      headers: {
        "content-type": "application/zip",
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        "content-disposition": contentDispositionAttachment(zip.filename),
      },
    });
  },
);
