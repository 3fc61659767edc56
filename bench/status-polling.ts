/**
 * `npm run bench:status` — the status endpoint (`GET /api/analyses/:id`, what every open tab polls)
 * against a route of the same production server that answers constant JSON (`GET /api/ping`),
 * load from autocannon in this process (the server is `next start`, its own process):
 *   1. maximum requests/s of each, same connections, alternating rounds after a warm-up; the
 *      status polls are real ones: many users' session cookies and analyses, with the ETag the
 *      browser holds (`If-None-Match`, so an unchanged analysis answers 304), and once without;
 *   2. latency under the load of 1,000 tabs polling every 2 s: 1,000 keep-alive connections, each
 *      asking every 2 s, phases spread evenly (500 req/s, open loop: see polling-tabs.ts), for
 *      unchanged analyses (304) and changed ones (200); the p99 over all polls of each kind.
 * Prints `bench: status X req/s p99 Y ms, constant Z req/s, ratio R`.
 */
import autocannon from "autocannon";
import { inParallel, machineLine, median, percentile } from "@/bench/support/bench-utils";
import { type Poll, pollLikeTabs } from "@/bench/support/polling-tabs";
import { ApiClient } from "@/tests/support/api-client";
import { confirm, waitForStatus } from "@/tests/support/journey";
import { startTestStack } from "@/tests/support/test-stack";

const USERS = 20;
const ANALYSES_PER_USER = 5;
const CONNECTIONS = 32;
const ROUND_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;
const TABS = 1_000;
const POLL_EVERY_S = 2;
const TAB_SECONDS = 10;
const TAB_RUNS = 3;

/** One autocannon run; each request takes the next poll target in turn. */
async function load(options: {
  url: string;
  seconds: number;
  connections: number;
  polls?: readonly Poll[];
  conditional?: boolean;
}) {
  let next = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.polls
      ? {
          requests: [
            {
              setupRequest: (request) => {
                const poll = options.polls![next++ % options.polls!.length]!;
                return {
                  ...request,
                  path: poll.path,
                  headers: {
                    cookie: poll.cookie,
                    ...(options.conditional ? { "if-none-match": poll.etag } : {}),
                  },
                };
              },
            },
          ],
        }
      : {}),
  });
  const answered = result["2xx"] + result["3xx"];
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx - result["3xx"] > 0) {
    throw new Error(
      `${options.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx - result["3xx"]} 4xx/5xx`,
    );
  }
  return {
    perSecond: answered / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    notModified: result["3xx"],
    answered,
  };
}

const stack = await startTestStack({
  name: "bench_status",
  port: 30_000 + Math.floor(Math.random() * 1_000),
  workers: 1,
});
try {
  // Real polls: users with finished analyses, each poll carrying its user's session cookie.
  const polls: Poll[] = [];
  await inParallel(USERS, 5, async (u) => {
    const { client } = await ApiClient.signUp(stack.baseUrl);
    for (let a = 0; a < ANALYSES_PER_USER; a++) {
      const upload = await client.upload(
        new TextEncoder().encode(
          `Services Agreement ${u}-${a} between Acme Inc. and Beta LLC, governed by the laws of New York. Customer shall pay $${100 + a} within 30 days.`,
        ),
        `contract-${a}.txt`,
        "text/plain",
      );
      const { document } = (await upload.json()) as { document: { id: string } };
      const { body } = await confirm(client, document.id);
      await waitForStatus(client, body.analysis.id, ["succeeded"]);
      const path = `/api/analyses/${body.analysis.id}`;
      const response = await client.request("GET", path);
      polls.push({ path, cookie: client.cookieHeader(), etag: response.headers.get("etag") ?? "" });
    }
  });
  const status = `${stack.baseUrl}/api/analyses`;
  const constant = `${stack.baseUrl}/api/ping`;

  // Warm-up (JIT, the route bundles, the pool's prepared statements), not measured.
  await load({ url: constant, seconds: 2, connections: CONNECTIONS });
  await load({ url: status, seconds: 2, connections: CONNECTIONS, polls, conditional: true });

  const statusRounds: number[] = [];
  const constantRounds: number[] = [];
  let notModified = 0;
  let answered = 0;
  for (let r = 0; r < ROUNDS; r++) {
    constantRounds.push(
      (await load({ url: constant, seconds: ROUND_SECONDS, connections: CONNECTIONS })).perSecond,
    );
    const round = await load({
      url: status,
      seconds: ROUND_SECONDS,
      connections: CONNECTIONS,
      polls,
      conditional: true,
    });
    statusRounds.push(round.perSecond);
    notModified += round.notModified;
    answered += round.answered;
  }
  const full = await load({ url: status, seconds: ROUND_SECONDS, connections: CONNECTIONS, polls });
  // Tabs of unchanged analyses (each poll a 304), then tabs whose analysis changed since their
  // last poll (each a full 200: a running analysis writes progress about once a second, so most
  // polls of it). Alternating runs; a pause of the server (its garbage collector) lands in some
  // runs and not others, so each kind's p99 is taken over all its polls together.
  const tabRuns: { revalidate: boolean; run: Awaited<ReturnType<typeof pollLikeTabs>> }[] = [];
  for (let r = 0; r < TAB_RUNS; r++) {
    for (const revalidate of [true, false]) {
      const run = await pollLikeTabs({
        baseUrl: stack.baseUrl,
        tabs: TABS,
        everyMs: POLL_EVERY_S * 1000,
        seconds: TAB_SECONDS,
        polls,
        revalidate,
      });
      if (run.errors > 0) throw new Error(`${run.errors} tab polls failed`);
      tabRuns.push({ revalidate, run });
    }
  }
  const p99Of = (revalidate: boolean) =>
    percentile(
      tabRuns.filter((t) => t.revalidate === revalidate).flatMap((t) => t.run.latencies),
      99,
    );

  const x = median(statusRounds);
  const z = median(constantRounds);
  console.log(`\nbench:status — ${machineLine()}`);
  console.log(
    `${USERS} users × ${ANALYSES_PER_USER} analyses polled in turn, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${ROUND_SECONDS} s after a warm-up`,
  );
  console.log(
    `constant JSON (GET /api/ping):        ${constantRounds.map((n) => n.toFixed(0)).join(", ")} req/s`,
  );
  console.log(
    `status, unchanged (304 via ETag):     ${statusRounds.map((n) => n.toFixed(0)).join(", ")} req/s (${notModified} of ${answered} answers were 304)`,
  );
  console.log(
    `status, full answer (200, no ETag):   ${full.perSecond.toFixed(0)} req/s, p50 ${full.p50} ms, p99 ${full.p99} ms`,
  );
  for (const { revalidate, run } of tabRuns) {
    console.log(
      `${TABS} tabs polling every ${POLL_EVERY_S} s, ${revalidate ? "unchanged (304)" : "changed (200)"}, ${TAB_SECONDS} s: ${run.perSecond.toFixed(0)} req/s, p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, max ${run.max.toFixed(0)} ms, answers ${JSON.stringify(run.statuses)}`,
    );
  }
  console.log(
    `bench: status ${x.toFixed(0)} req/s p99 ${p99Of(true).toFixed(0)} ms (${p99Of(false).toFixed(0)} ms when every answer is full), constant ${z.toFixed(0)} req/s, ratio ${(x / z).toFixed(2)}`,
  );
} finally {
  await stack.stop();
}
