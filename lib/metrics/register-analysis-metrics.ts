import { Counter, type Registry } from "prom-client";
import { countFinishedAnalyses } from "@/lib/metrics/count-finished-analyses";
import { shareInFlight } from "@/lib/metrics/share-in-flight";

/**
 * `clauseflow_analyses_finished_total{status}` and `clauseflow_analyses_failed_total{code}`.
 *
 * Analyses finish in worker processes, not in the web process that is scraped, and any number of
 * workers come and go. Counting in memory would need every worker scraped and would restart from
 * zero with each of them. Postgres is the source of truth and a terminal status never changes
 * (design.md), so counting terminal rows at scrape time gives totals that only grow and are the
 * same whichever web process answers, across any number of workers and restarts.
 */
export function registerAnalysisMetrics(registry: Registry): void {
  const readCounts = shareInFlight(countFinishedAnalyses);

  new Counter({
    name: "clauseflow_analyses_finished_total",
    help: "Analyses that reached a terminal status (succeeded, failed, cancelled, expired).",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const { byStatus } = await readCounts();
      this.reset();
      for (const [status, n] of byStatus) this.inc({ status }, n);
    },
  });

  new Counter({
    name: "clauseflow_analyses_failed_total",
    help: "Failed analyses by error code.",
    labelNames: ["code"] as const,
    registers: [registry],
    async collect() {
      const { failedByCode } = await readCounts();
      this.reset();
      for (const [code, n] of failedByCode) this.inc({ code }, n);
    },
  });
}
