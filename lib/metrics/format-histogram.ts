export type HistogramSnapshot = {
  name: string;
  help: string;
  /** Cumulative counts: observations ≤ `le`, upper bounds ascending (`+Inf` is added here). */
  buckets: readonly { le: number; count: number }[];
  sum: number;
  count: number;
};

const escapeHelp = (help: string) => help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

/**
 * Prometheus text exposition (0.0.4) of a histogram counted elsewhere. prom-client can only fill a
 * histogram by observing values one at a time; ours are counted by one SQL query per scrape, so
 * we write the same lines prom-client would (`_bucket{le}`, `_sum`, `_count`).
 */
export function formatHistogram(histogram: HistogramSnapshot): string {
  const { name, help, buckets, sum, count } = histogram;
  return [
    `# HELP ${name} ${escapeHelp(help)}`,
    `# TYPE ${name} histogram`,
    ...buckets.map((b) => `${name}_bucket{le="${b.le}"} ${b.count}`),
    `${name}_bucket{le="+Inf"} ${count}`,
    `${name}_sum ${sum}`,
    `${name}_count ${count}`,
  ].join("\n");
}
