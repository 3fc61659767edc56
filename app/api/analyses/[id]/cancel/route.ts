import { NextResponse } from "next/server";
import { z } from "zod";
import { cancelAnalysis } from "@/lib/analyses/cancel-analysis";
import { withUser } from "@/lib/http/json-route";

/** Cancel my analysis (no body): `{analysis, cancel: {outcome, message}}` says what it did. */
export const POST = withUser<{ id: string }>(
  "/api/analyses/[id]/cancel",
  async ({ user, params }) => {
    const analysisId = z.string().uuid().parse(params.id);
    return NextResponse.json(await cancelAnalysis({ userId: user.id, analysisId }));
  },
  { body: "none" },
);
