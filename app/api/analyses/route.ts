import { NextResponse } from "next/server";
import { z } from "zod";
import { parseAnalysisFilters } from "@/lib/analyses/analysis-filters";
import { confirmAnalysis, confirmAnalysisInputSchema } from "@/lib/analyses/confirm-analysis";
import { listAnalysisFacets } from "@/lib/analyses/list-analysis-facets";
import { searchAnalyses } from "@/lib/analyses/search-analyses";
import { withUser } from "@/lib/http/json-route";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.coerce.date().optional(),
});

/**
 * My analyses: `?q=&status=&type=&law=&from=&to=&sort=&dir=&view=&page=` (lib/analyses/
 * analysis-filters.ts), 25 a page, newest first by default; with paging metadata and the values
 * the type and law filters can take. `?limit=&before=<createdAt ISO>` still pages the old way.
 */
export const GET = withUser("/api/analyses", async ({ request, user }) => {
  const params = new URL(request.url).searchParams;
  const legacy = listQuerySchema.parse({
    limit: params.get("limit") ?? undefined,
    before: params.get("before") ?? undefined,
  });
  const filters = parseAnalysisFilters(params);
  const [found, facets] = await Promise.all([
    searchAnalyses({
      userId: user.id,
      filters,
      ...(legacy.limit ? { pageSize: legacy.limit } : {}),
      ...(legacy.before ? { before: legacy.before } : {}),
    }),
    listAnalysisFacets(user.id),
  ]);
  return NextResponse.json({ ...found, facets });
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
