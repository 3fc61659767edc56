import { NextResponse } from "next/server";
import { storeUploadedDocument } from "@/lib/documents/store-uploaded-document";
import { withUploadSlot } from "@/lib/documents/with-upload-slot";
import { env } from "@/lib/env";
import { withUser } from "@/lib/http/json-route";
import { readSingleUpload } from "@/lib/http/read-single-upload";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

/** Upload one contract (multipart field `file`) → the stored document and its quote. */
export const POST = withUser(
  "/api/documents",
  async ({ request, user }) => {
    // Before a byte is read: a refused upload costs neither bandwidth nor parsing.
    await consumeOrThrow("uploadUser", user.id);
    return withUploadSlot(user.id, async () => {
      const upload = await readSingleUpload(request, {
        field: "file",
        maxBytes: env.MAX_UPLOAD_BYTES,
      });
      const result = await storeUploadedDocument({ userId: user.id, ...upload });
      return NextResponse.json(result, { status: 201 });
    });
  },
  { body: "multipart" },
);
