import { countAnalysisDurations } from "@/lib/metrics/count-analysis-durations";
import { formatHistogram } from "@/lib/metrics/format-histogram";
import { getMetricsRegistry } from "@/lib/metrics/metrics-registry";

export type RenderedMetrics = { contentType: string; body: string };

/**
 * Everything a scrape answers, read now: prom-client's registry (process, HTTP, queue, analysis
 * and credit metrics) plus the analysis duration histogram that Postgres counts.
 */
export async function renderMetrics(): Promise<RenderedMetrics> {
  const { registry } = getMetricsRegistry();
  const [registered, durations] = await Promise.all([registry.metrics(), countAnalysisDurations()]);
  return {
    contentType: registry.contentType,
    body: `${registered}\n${formatHistogram(durations)}\n`,
  };
}
