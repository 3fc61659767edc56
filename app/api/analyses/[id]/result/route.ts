import { NextResponse } from "next/server";
import { z } from "zod";
import { getAnalysisResult } from "@/lib/analyses/get-analysis-result";
import { withUser } from "@/lib/http/json-route";

/** The structured result (findings with evidence) the memo is rendered from. */
export const GET = withUser<{ id: string }>(
  "/api/analyses/[id]/result",
  async ({ user, params }) => {
    const analysisId = z.string().uuid().parse(params.id);
    return NextResponse.json(await getAnalysisResult({ userId: user.id, analysisId }), {
      headers: { "cache-control": "private, no-store" },
    });
  },
);
