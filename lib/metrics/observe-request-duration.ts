import { env } from "@/lib/env";
import { getMetricsRegistry } from "@/lib/metrics/metrics-registry";

/**
 * Times `handle` into `clauseflow_http_request_duration_seconds`. `route` is the route's template
 * (`/api/analyses/[id]`), never the URL: ids in a label would make a new series per analysis, and
 * anyone could grow them by requesting made-up paths. Costs nothing while metrics are disabled.
 */
export async function observeRequestDuration(
  labels: { method: string; route: string },
  handle: () => Promise<Response>,
): Promise<Response> {
  if (!env.METRICS_TOKEN) return handle();
  const end = getMetricsRegistry().httpRequestDuration.startTimer(labels);
  let status = 500;
  try {
    const response = await handle();
    status = response.status;
    return response;
  } finally {
    end({ status: String(status) });
  }
}
