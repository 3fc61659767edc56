import { NextResponse } from "next/server";
import { z } from "zod";
import { createBatch } from "@/lib/batches/create-batch";
import { listBatchSummaries } from "@/lib/batches/get-batch";
import { withUploadSlot } from "@/lib/documents/with-upload-slot";
import { env } from "@/lib/env";
import { withUser } from "@/lib/http/json-route";
import { readManyUploads } from "@/lib/http/read-many-uploads";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  before: z.coerce.date().optional(),
});

/** My batches, newest first, with their counts. `?before=<createdAt ISO>` pages back. */
export const GET = withUser("/api/batches", async ({ request, user }) => {
  const query = listQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const batches = await listBatchSummaries({ userId: user.id, ...query });
  return NextResponse.json({ batches });
});

/** Bulk upload: several `file` parts and/or ZIPs of contracts → one batch with one quote. */
export const POST = withUser(
  "/api/batches",
  async ({ request, user }) => {
    // One point before a byte is read (a refused upload costs nothing); the upload limit counts
    // every file, so the rest are taken once the ZIPs are unpacked, before any is inspected.
    await consumeOrThrow("uploadUser", user.id);
    return withUploadSlot(
      user.id,
      async () => {
        const uploads = await readManyUploads(request, {
          field: "file",
          maxFileBytes: env.MAX_UPLOAD_BYTES,
          maxTotalBytes: env.BATCH_MAX_BYTES,
        });
        const batch = await createBatch({
          userId: user.id,
          uploads,
          beforeReading: async (files) => {
            if (files > 1) await consumeOrThrow("uploadUser", user.id, { points: files - 1 });
          },
        });
        return NextResponse.json({ batch }, { status: 201 });
      },
      { whole: true },
    );
  },
  { body: "multipart" },
);
