import { NextResponse } from "next/server";
import { z } from "zod";
import { cancelAnalysis } from "@/lib/analyses/cancel-analysis";
import { withUser } from "@/lib/http/json-route";

/** Cancel my analysis (no body). */
export const POST = withUser<{ id: string }>(
  "/api/analyses/[id]/cancel",
  async ({ user, params }) => {
    const analysisId = z.string().uuid().parse(params.id);
    const analysis = await cancelAnalysis({ userId: user.id, analysisId });
    return NextResponse.json({ analysis });
  },
  { body: "none" },
);
