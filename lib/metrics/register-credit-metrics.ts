import { Counter, type Registry } from "prom-client";
import { shareInFlight } from "@/lib/metrics/share-in-flight";
import { type SettledCredits, sumSettledCredits } from "@/lib/metrics/sum-settled-credits";

/**
 * `clauseflow_credits_captured_total` and `clauseflow_credits_released_total`, summed from the
 * append-only ledger at scrape time: workers settle holds, and only Postgres sees them all (the
 * same reasoning as the analysis counters).
 */
export function registerCreditMetrics(registry: Registry): void {
  const readTotals = shareInFlight(sumSettledCredits);
  const counter = (name: string, help: string, pick: (t: SettledCredits) => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      async collect() {
        const value = pick(await readTotals());
        this.reset();
        this.inc(value);
      },
    });

  counter(
    "clauseflow_credits_captured_total",
    "Credits captured: held credits spent on succeeded analyses.",
    (t) => t.captured,
  );
  counter(
    "clauseflow_credits_released_total",
    "Credits released: held credits returned for failed or cancelled analyses.",
    (t) => t.released,
  );
}
