import { collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { registerAnalysisMetrics } from "@/lib/metrics/register-analysis-metrics";
import { registerCreditMetrics } from "@/lib/metrics/register-credit-metrics";
import { registerQueueMetrics } from "@/lib/metrics/register-queue-metrics";

export type MetricsRegistry = {
  registry: Registry;
  httpRequestDuration: Histogram<"method" | "route" | "status">;
};

function createMetricsRegistry(): MetricsRegistry {
  // Our own registry rather than prom-client's global one: nothing a dependency registers there
  // ends up in our scrape, and the names below are ours alone.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerQueueMetrics(registry);
  registerAnalysisMetrics(registry);
  registerCreditMetrics(registry);
  const httpRequestDuration = new Histogram({
    name: "clauseflow_http_request_duration_seconds",
    help: "API request duration by method, route template and status, in this web process.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return { registry, httpRequestDuration };
}

// One registry per process, kept on globalThis: Next's dev reloads re-evaluate this module, and a
// second registry would collect the default metrics twice and lose the request histogram.
const globalForMetrics = globalThis as unknown as { __clauseflowMetrics?: MetricsRegistry };

export function getMetricsRegistry(): MetricsRegistry {
  globalForMetrics.__clauseflowMetrics ??= createMetricsRegistry();
  return globalForMetrics.__clauseflowMetrics;
}
