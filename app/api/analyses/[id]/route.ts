import { NextResponse } from "next/server";
import { z } from "zod";
import { withUser } from "@/lib/http/json-route";
import { getAnalysisView } from "@/lib/jobs/get-analysis";

export const GET = withUser<{ id: string }>("/api/analyses/[id]", async ({ user, params }) => {
  const analysisId = z.string().uuid().parse(params.id);
  const analysis = await getAnalysisView({ userId: user.id, analysisId });
  return NextResponse.json({ analysis });
});
