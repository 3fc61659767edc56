import { NextResponse } from "next/server";
import { z } from "zod";
import { readDocumentUnit } from "@/lib/documents/read-document-unit";
import { withUser } from "@/lib/http/json-route";

const paramsSchema = z.object({
  id: z.string().uuid(),
  unit: z.coerce.number().int().positive().max(100_000),
});

/** One page or paragraph of the user's document: where a citation's quote is shown in place. */
export const GET = withUser<{ id: string; unit: string }>(
  "/api/documents/[id]/units/[unit]",
  async ({ user, params }) => {
    const { id, unit } = paramsSchema.parse(params);
    return NextResponse.json(await readDocumentUnit({ userId: user.id, documentId: id, unit }), {
      headers: { "cache-control": "private, max-age=300" },
    });
  },
);
