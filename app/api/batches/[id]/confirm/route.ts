import { NextResponse } from "next/server";
import { z } from "zod";
import { confirmBatch, idempotencyKeySchema } from "@/lib/batches/confirm-batch";
import { withUser } from "@/lib/http/json-route";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

/** Confirm the whole batch: hold its total and queue every contract, or nothing (402; 422
 *  `not_a_contract` for flagged files without `?acknowledgeWarnings=true`). No body;
 *  an `Idempotency-Key` header makes a retried request safe (a confirmed batch never holds twice). */
export const POST = withUser<{ id: string }>(
  "/api/batches/[id]/confirm",
  async ({ request, user, params }) => {
    const batchId = z.string().uuid().parse(params.id);
    const header = request.headers.get("idempotency-key");
    const idempotencyKey = header === null ? undefined : idempotencyKeySchema.parse(header);
    // `?acknowledgeWarnings=true`: analyse files whose quote said "not a contract" too.
    const acknowledgeWarnings =
      new URL(request.url).searchParams.get("acknowledgeWarnings") === "true";
    await consumeOrThrow("confirmUser", user.id);
    const result = await confirmBatch({
      userId: user.id,
      batchId,
      idempotencyKey,
      acknowledgeWarnings,
    });
    return NextResponse.json(result, { status: 202 });
  },
  { body: "none" },
);
