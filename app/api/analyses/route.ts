import { NextResponse } from "next/server";
import { z } from "zod";
import { confirmAnalysis, confirmAnalysisInputSchema } from "@/lib/analyses/confirm-analysis";
import { listAnalysisViews } from "@/lib/analyses/get-analysis";
import { withUser } from "@/lib/http/json-route";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.coerce.date().optional(),
});

/** My analyses, newest first. `?before=<createdAt ISO>` pages back. */
export const GET = withUser("/api/analyses", async ({ request, user }) => {
  const query = listQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const analyses = await listAnalysisViews({ userId: user.id, ...query });
  return NextResponse.json({ analyses });
});

/** Confirm: hold the credits and queue the analysis. `Idempotency-Key` header or body field. */
export const POST = withUser("/api/analyses", async ({ request, user }) => {
  await consumeOrThrow("confirmUser", user.id);
  const body: unknown = await request.json().catch(() => ({}));
  const input = confirmAnalysisInputSchema.parse({
    ...(typeof body === "object" && body ? body : {}),
    ...(request.headers.get("idempotency-key")
      ? { idempotencyKey: request.headers.get("idempotency-key") }
      : {}),
  });
  const result = await confirmAnalysis({ userId: user.id, ...input });
  return NextResponse.json(
    { analysis: result.analysis, duplicate: result.duplicate },
    { status: result.status },
  );
});
