import { NextResponse } from "next/server";
import { z } from "zod";
import { retryAnalysis, retryAnalysisInputSchema } from "@/lib/analyses/retry-analysis";
import { withAdmin } from "@/lib/http/json-route";

/** Retry a failed analysis as a new one: free to the user unless `charge: true`. Audit-logged. */
export const POST = withAdmin<{ id: string }>(
  "/api/admin/analyses/[id]/retry",
  async ({ request, user, params }) => {
    const analysisId = z.string().uuid().parse(params.id);
    const input = retryAnalysisInputSchema.parse(await request.json().catch(() => ({})));
    const result = await retryAnalysis({ ...input, analysisId, actorId: user.id });
    return NextResponse.json(result, { status: 201 });
  },
);
