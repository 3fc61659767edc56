import { Gauge, type Registry } from "prom-client";
import { countQueueJobs, type GetQueue, QUEUE_STATES } from "@/lib/jobs/count-queue-jobs";
import { logger } from "@/lib/logger";
import { shareInFlight } from "@/lib/metrics/share-in-flight";

/**
 * `clauseflow_queue_jobs{state}` and `clauseflow_redis_up`, read from Redis at scrape time. With
 * Redis down the scrape still answers: no queue series, `redis_up 0` (Postgres keeps the work
 * safe meanwhile, so this is an alert, not an outage).
 */
export function registerQueueMetrics(registry: Registry, getQueue?: GetQueue): void {
  const readCounts = shareInFlight(() =>
    countQueueJobs(getQueue).catch((error: Error) => {
      logger.warn({ err: error.message }, "metrics: queue depth unavailable");
      return null;
    }),
  );

  new Gauge({
    name: "clauseflow_queue_jobs",
    help: "Jobs on the analysis queue per BullMQ state, read at scrape time.",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const counts = await readCounts();
      this.reset();
      if (!counts) return;
      for (const state of QUEUE_STATES) this.set({ state }, counts[state]);
    },
  });

  new Gauge({
    name: "clauseflow_redis_up",
    help: "1 when the web process read the queue from Redis at this scrape, 0 otherwise.",
    registers: [registry],
    async collect() {
      this.set((await readCounts()) ? 1 : 0);
    },
  });
}
