import { NextResponse } from "next/server";
import { z } from "zod";
import { getAnalysisView } from "@/lib/analyses/get-analysis";
import { deleteAnalysis } from "@/lib/deletion/delete-analysis";
import { isNotModified, weakEtag } from "@/lib/http/etag";
import { withUser } from "@/lib/http/json-route";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

/**
 * Status polling: an unchanged analysis answers 304 with no body. `no-cache` makes the browser
 * revalidate every poll with `If-None-Match`, so React Query still sees the full JSON.
 */
export const GET = withUser<{ id: string }>(
  "/api/analyses/[id]",
  async ({ request, user, params }) => {
    const analysisId = z.string().uuid().parse(params.id);
    const analysis = await getAnalysisView({ userId: user.id, analysisId });
    // A queued analysis moves up the queue without its row changing: its place is in the tag.
    const { queue } = analysis;
    const place = queue ? `-${queue.yoursAhead}.${queue.aheadInLine}.${queue.startsInSeconds}` : "";
    const headers = {
      etag: weakEtag(`${analysis.updatedAt}-${analysis.status}${place}`),
      "cache-control": "private, no-cache",
    };
    if (isNotModified(request, headers.etag)) return new Response(null, { status: 304, headers });
    return NextResponse.json({ analysis }, { headers });
  },
);

/**
 * Delete my analysis (no body): a queued or running one is cancelled and its credits released
 * first; memo, result and findings are purged at once, and its file too when no other analysis
 * of it remains. 204; then 404 for everyone.
 */
export const DELETE = withUser<{ id: string }>(
  "/api/analyses/[id]",
  async ({ user, params }) => {
    const analysisId = z.string().uuid().parse(params.id);
    await consumeOrThrow("deleteUser", user.id);
    await deleteAnalysis(user, analysisId);
    return new Response(null, { status: 204 });
  },
  { body: "none" },
);
