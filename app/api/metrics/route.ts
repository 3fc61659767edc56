import { addTransportSecurity } from "@/lib/http/add-transport-security";
import { errorResponse } from "@/lib/http/json-route";
import { authorizeMetricsScrape } from "@/lib/metrics/authorize-metrics-scrape";
import { observeRequestDuration } from "@/lib/metrics/observe-request-duration";
import { renderMetrics } from "@/lib/metrics/render-metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape: `Authorization: Bearer $METRICS_TOKEN`; 404 while METRICS_TOKEN is unset. */
export function GET(request: Request): Promise<Response> {
  return observeRequestDuration({ method: request.method, route: "/api/metrics" }, async () => {
    try {
      authorizeMetricsScrape(request.headers.get("authorization"));
      const metrics = await renderMetrics();
      return addTransportSecurity(
        new Response(metrics.body, {
          headers: { "content-type": metrics.contentType, "cache-control": "no-store" },
        }),
      );
    } catch (error) {
      const response = errorResponse(error);
      if (response.status === 401) response.headers.set("www-authenticate", "Bearer");
      return addTransportSecurity(response);
    }
  });
}
