import { Queue } from "bullmq";
import { inArray, sql } from "drizzle-orm";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { ACTIVE_STATUSES } from "@/lib/analyses/analysis-status";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";
import { ANALYSIS_QUEUE } from "@/lib/jobs/analysis-queue";
import { QUEUE_STATES } from "@/lib/jobs/count-queue-jobs";
import { createRedisConnection } from "@/lib/jobs/redis-connection";
import { registerQueueMetrics } from "@/lib/metrics/register-queue-metrics";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, uploadContract, waitForStatus } from "@/tests/support/journey";
import { parsePrometheusText, type Sample, sampleValue } from "@/tests/support/prometheus-text";
import { rotStoredDocument } from "@/tests/support/stored-bytes";
import { waitFor } from "@/tests/support/wait-for";

const { baseUrl, metricsToken, queuePrefix } = integrationStack();

const scrape = (authorization?: string) =>
  fetch(`${baseUrl}/api/metrics`, { headers: authorization ? { authorization } : {} });

async function readMetrics(): Promise<Sample[]> {
  const response = await scrape(`Bearer ${metricsToken}`);
  expect(response.status).toBe(200);
  return parsePrometheusText(await response.text());
}

/** Other test files share the stack: wait until none of their analyses is still on its way,
 *  so that what moves between two scrapes is ours alone. */
async function waitForNoActiveAnalyses(): Promise<void> {
  await waitFor(
    async () => {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(analyses)
        .where(inArray(analyses.status, [...ACTIVE_STATUSES]));
      return row?.n ?? 0;
    },
    (n) => n === 0,
    { timeoutMs: 60_000, what: "no queued or running analyses" },
  );
}

const http = (method: string, route: string, status: number) => ({
  method,
  route,
  status: String(status),
});

describe("Prometheus metrics", () => {
  it("answers only a scraper that sends the bearer token", async () => {
    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe("Bearer");
    expect((await scrape("Bearer not-the-metrics-token")).status).toBe(401);
    expect((await scrape(`Basic ${metricsToken}`)).status).toBe(401);

    const scraped = await scrape(`Bearer ${metricsToken}`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    const samples = parsePrometheusText(await scraped.text());
    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      "process_cpu_user_seconds_total",
      "nodejs_heap_size_used_bytes",
      "clauseflow_redis_up",
      "clauseflow_queue_jobs",
      "clauseflow_analyses_finished_total",
      "clauseflow_credits_captured_total",
      "clauseflow_credits_released_total",
      "clauseflow_analysis_duration_seconds_count",
    ]) {
      expect(names, name).toContain(name);
    }
    expect(sampleValue(samples, "clauseflow_redis_up")).toBe(1);
    const states = samples.filter((s) => s.name === "clauseflow_queue_jobs").map((s) => s.labels);
    expect(states.map((l) => l.state).sort()).toEqual([...QUEUE_STATES].sort());
  });

  it("counts analyses, credits, durations and API requests as a user's analyses finish", async () => {
    const { client } = await ApiClient.signUp(baseUrl);
    await waitForNoActiveAnalyses();
    const before = await readMetrics();

    const good = [await uploadContract(client, 0), await uploadContract(client, 1)];
    const bad = await uploadContract(client, 2);
    // Its bytes rot in storage after the quote: the worker fails it at once and releases.
    await rotStoredDocument(bad.document.id);
    const ids: string[] = [];
    for (const upload of [...good, bad]) {
      const confirmed = await confirm(client, upload.document.id);
      expect(confirmed.status).toBe(202);
      ids.push(confirmed.body.analysis.id);
    }
    const finished = await Promise.all(
      ids.map((id) => waitForStatus(client, id, ["succeeded", "failed", "cancelled"])),
    );
    expect(finished.map((f) => f.last.status)).toEqual(["succeeded", "succeeded", "failed"]);
    const polls = finished.reduce((n, f) => n + f.seen.length, 0);

    const after = await readMetrics();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);

    expect(delta("clauseflow_analyses_finished_total", { status: "succeeded" })).toBe(2);
    expect(delta("clauseflow_analyses_finished_total", { status: "failed" })).toBe(1);
    expect(delta("clauseflow_analyses_finished_total", { status: "cancelled" })).toBe(0);
    expect(delta("clauseflow_analyses_failed_total", { code: "bad_document" })).toBe(1);
    expect(delta("clauseflow_credits_captured_total")).toBe(
      good[0]!.quote.priceCredits + good[1]!.quote.priceCredits,
    );
    expect(delta("clauseflow_credits_released_total")).toBe(bad.quote.priceCredits);

    // Both successes are in the histogram; each slept at least twice 400 ms (first and last step).
    const duration = "clauseflow_analysis_duration_seconds";
    expect(delta(`${duration}_count`)).toBe(2);
    expect(delta(`${duration}_bucket`, { le: "+Inf" })).toBe(2);
    expect(delta(`${duration}_bucket`, { le: "1800" })).toBe(2);
    expect(delta(`${duration}_sum`)).toBeGreaterThanOrEqual(2 * 0.8);
    const buckets = after.filter((s) => s.name === `${duration}_bucket`).map((s) => s.value);
    expect(buckets.every(Number.isInteger)).toBe(true);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets.at(-1)).toBe(sampleValue(after, `${duration}_count`));

    // Every API request of the journey, under its route template.
    const requests = "clauseflow_http_request_duration_seconds_count";
    expect(delta(requests, http("POST", "/api/documents", 201))).toBe(3);
    expect(delta(requests, http("POST", "/api/analyses", 202))).toBe(3);
    expect(delta(requests, http("GET", "/api/analyses/[id]", 200))).toBe(polls);
    expect(delta(requests, http("GET", "/api/metrics", 200))).toBe(1); // the scrape before
    const routes = new Set(after.filter((s) => s.name === requests).map((s) => s.labels.route));
    // Templates only: segments (a file name such as memos.zip included) and [param] /
    // [...catchAll] names (next-auth's), never an id.
    for (const route of routes) {
      expect(route).toMatch(/^\/api(?:\/(?:[a-z][a-z.-]*|\[(?:\.\.\.)?[a-z]+\]))+$/);
    }
  });

  it("still answers when Redis does not, with redis_up 0 and no queue depth", async () => {
    const connection = createRedisConnection("producer", "redis://127.0.0.1:1");
    const queue = new Queue(ANALYSIS_QUEUE, { connection, prefix: queuePrefix });
    queue.on("error", () => {});
    try {
      const registry = new Registry();
      registerQueueMetrics(registry, async () => queue);
      const samples = parsePrometheusText(await registry.metrics());
      expect(sampleValue(samples, "clauseflow_redis_up")).toBe(0);
      expect(samples.filter((s) => s.name === "clauseflow_queue_jobs")).toEqual([]);
    } finally {
      connection.disconnect();
      await queue.close().catch(() => {});
    }
  });
});
