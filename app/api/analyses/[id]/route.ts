import { NextResponse } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { isNotModified, weakEtag } from "@/lib/http/etag";
import { withUser } from "@/lib/http/json-route";
import { strictTransportSecurity } from "@/lib/http/security-headers";
import { getAnalysisView } from "@/lib/jobs/get-analysis";

const hsts = strictTransportSecurity(env.NEXTAUTH_URL);

/**
 * Status polling: an unchanged analysis answers 304 with no body. `no-cache` makes the browser
 * revalidate every poll with `If-None-Match`, so React Query still sees the full JSON.
 */
export const GET = withUser<{ id: string }>(
  "/api/analyses/[id]",
  async ({ request, user, params }) => {
    const analysisId = z.string().uuid().parse(params.id);
    const analysis = await getAnalysisView({ userId: user.id, analysisId });
    const headers = {
      etag: weakEtag(`${analysis.updatedAt}-${analysis.status}`),
      "cache-control": "private, no-cache",
      // The proxy skips this hot path (see proxy.ts), so the route sets HSTS itself.
      ...(hsts ? { "strict-transport-security": hsts } : {}),
    };
    if (isNotModified(request, headers.etag)) return new Response(null, { status: 304, headers });
    return NextResponse.json({ analysis }, { headers });
  },
);
