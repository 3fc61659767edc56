import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";
import { addTransportSecurity } from "@/lib/http/add-transport-security";
import { observeRequestDuration } from "@/lib/metrics/observe-request-duration";

export const dynamic = "force-dynamic";

/** Public liveness: 200 when Postgres, Redis and at least one worker are up; 503 otherwise. */
export function GET(request: Request): Promise<Response> {
  return observeRequestDuration({ method: request.method, route: "/api/health" }, async () => {
    const report = await checkHealth();
    return addTransportSecurity(
      NextResponse.json(report, {
        status: report.ok ? 200 : 503,
        headers: { "cache-control": "no-store" },
      }),
    );
  });
}
