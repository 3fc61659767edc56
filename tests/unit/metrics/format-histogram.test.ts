import { Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { formatHistogram } from "@/lib/metrics/format-histogram";

const name = "clauseflow_test_duration_seconds";
const help = "Test durations.";
const bounds = [1, 2.5, 5, 10];

/** What prom-client itself writes for the same observations. */
async function promClientText(values: number[]): Promise<string> {
  const registry = new Registry();
  const histogram = new Histogram({ name, help, buckets: bounds, registers: [registry] });
  for (const v of values) histogram.observe(v);
  return (await registry.metrics()).trim();
}

/** Cumulative counts, as the SQL query computes them. */
function countBuckets(values: number[]) {
  return {
    name,
    help,
    buckets: bounds.map((le) => ({ le, count: values.filter((v) => v <= le).length })),
    sum: values.reduce((a, b) => a + b, 0),
    count: values.length,
  };
}

describe("formatHistogram", () => {
  it("writes the same exposition as a prom-client histogram with the same observations", async () => {
    // Sums exact in binary floating point, so both sides add up to the same number.
    const values = [0.5, 1, 2, 2.5, 4.25, 7, 12, 60.125];
    expect(formatHistogram(countBuckets(values))).toBe(await promClientText(values));
  });

  it("writes zeros for a histogram with no observations yet", async () => {
    expect(formatHistogram(countBuckets([]))).toBe(await promClientText([]));
    expect(formatHistogram(countBuckets([]))).toContain(`${name}_bucket{le="+Inf"} 0`);
  });

  it("escapes backslashes and line breaks in the help text", () => {
    const text = formatHistogram({ ...countBuckets([1]), help: "a\\b\nc" });
    expect(text.split("\n")[0]).toBe(`# HELP ${name} a\\\\b\\nc`);
  });
});
