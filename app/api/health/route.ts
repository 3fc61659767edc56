import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";
import { withPublic } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

/** Public liveness: 200 when Postgres, Redis and at least one worker are up; 503 otherwise. */
export const GET = withPublic("/api/health", async () => {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
