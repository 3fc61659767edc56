/**
 * `npm run bench:fairness [-- --jobs 300 --step-ms 140 --workers 2 --concurrency 2 --limit 4]` —
 * does one heavy user starve the others? On a private production stack (real web server,
 * `--workers` worker processes with WORKER_CONCURRENCY=`--concurrency`; ANALYSIS_STEP_DELAY_MS
 * stands in for an LLM so one analysis takes about a second: 7 steps × 140 ms), user A confirms
 * `--jobs` small text contracts at once and, ~3 s after those confirms are answered, users B–F
 * confirm one each. Run twice, each on a fresh database and queue prefix: with per-user admission
 * (USER_MAX_ACTIVE=`--limit`) and without (USER_MAX_ACTIVE=0).
 * The limit defaults to the fleet's capacity (workers × concurrency): a user alone may use every
 * slot, yet never has more than that in the queue, so a newcomer waits for a slot to free, not
 * for the backlog (docs/decisions/0017). A limit below capacity caps a lone user's throughput.
 * All figures come from Postgres: a small user's wait is `started_at − confirmed_at`; one
 * analysis takes the median `finished_at − started_at`; throughput is analyses finished ÷ seconds
 * from the first confirm to the last finish; N is how many of A's were still queued when the
 * small users confirmed.
 */
import { parseArgs } from "node:util";
import { startBenchStack } from "@/bench/support/bench-stack";
import { inParallel, machineLine, median, percentile } from "@/bench/support/bench-utils";
import { ApiClient } from "@/tests/support/api-client";
import { confirm } from "@/tests/support/journey";
import { waitFor } from "@/tests/support/wait-for";

const { values: flags } = parseArgs({
  options: {
    jobs: { type: "string", default: "300" },
    "step-ms": { type: "string", default: "140" },
    workers: { type: "string", default: "2" },
    concurrency: { type: "string", default: "2" },
    limit: { type: "string" },
  },
});
const JOBS = Number(flags.jobs);
const STEP_MS = Number(flags["step-ms"]);
const WORKERS = Number(flags.workers);
const CONCURRENCY = Number(flags.concurrency);
const LIMIT = Number(flags.limit ?? WORKERS * CONCURRENCY);
if (
  ![JOBS, WORKERS, CONCURRENCY, LIMIT].every((n) => Number.isInteger(n) && n >= 1) ||
  !Number.isInteger(STEP_MS) ||
  STEP_MS < 0
) {
  throw new Error(
    "usage: bench/fairness.ts [--jobs N] [--step-ms MS] [--workers N] [--concurrency N] [--limit N]",
  );
}
const SMALL_USERS = ["B", "C", "D", "E", "F"];
const SMALL_USERS_AFTER_MS = 3_000;

type RunResult = {
  smallWaitsS: number[];
  p95WaitS: number;
  queuedAhead: number;
  analysisS: number;
  perSecond: number;
  failed: number;
};

/** A distinct small contract: the "one active analysis per document" rule must not merge them. */
function contractText(owner: string, n: number): Uint8Array {
  return new TextEncoder().encode(
    [
      `SERVICES AGREEMENT ${owner}-${n}`,
      `This Services Agreement (No. ${owner}-${n}) is made between Acme Supplies Ltd ("Supplier") and Customer ${owner} ("Customer").`,
      "1. Services. Supplier shall provide the services described in Schedule 1 with reasonable skill and care.",
      "2. Fees. Customer shall pay the fees within 30 days of each invoice. Late payments bear interest at 4% a year.",
      "3. Term. This Agreement runs for 12 months and renews automatically unless either party gives 60 days' notice.",
      "4. Liability. Neither party is liable for indirect or consequential loss. Supplier's total liability is capped at the fees paid in the preceding 12 months.",
      "5. Termination. Either party may terminate for material breach not remedied within 30 days of notice.",
      "6. Governing law. This Agreement is governed by the laws of England and Wales.",
    ].join("\n\n"),
  );
}

async function uploadText(client: ApiClient, owner: string, n: number): Promise<string> {
  const response = await client.upload(
    contractText(owner, n),
    `contract-${owner}-${n}.txt`,
    "text/plain",
  );
  const body = (await response.json()) as { document?: { id: string } };
  if (response.status !== 201 || !body.document) {
    throw new Error(`upload failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.document.id;
}

async function confirmOrThrow(client: ApiClient, documentId: string): Promise<string> {
  const { status, body } = await confirm(client, documentId);
  if (status < 200 || status > 299) {
    throw new Error(`confirm failed: ${status} ${JSON.stringify(body)}`);
  }
  return body.analysis.id;
}

async function runOnce(userMaxActive: number): Promise<RunResult> {
  const label = userMaxActive > 0 ? "on" : "off";
  const bench = await startBenchStack(`bench_fair_${label}`, {
    workers: 0,
    env: {
      USER_MAX_ACTIVE: String(userMaxActive),
      ANALYSIS_STEP_DELAY_MS: String(STEP_MS),
      WORKER_CONCURRENCY: String(CONCURRENCY),
      // A's last analyses wait minutes without fairness: their holds must not expire meanwhile.
      HOLD_TIMEOUT_MS: String(60 * 60_000),
    },
  });
  const { sql } = bench;
  try {
    await bench.replaceWorkers(WORKERS);
    const heavy = (await ApiClient.signUp(bench.stack.baseUrl)).client;
    const small = await Promise.all(
      SMALL_USERS.map(async () => (await ApiClient.signUp(bench.stack.baseUrl)).client),
    );
    await sql`update credit_balances set available = available + 100000, granted = granted + 100000`;

    // Everything is uploaded first: the measured part is confirming and analysing.
    const heavyDocs: string[] = new Array(JOBS);
    // Two at a time: the server reads at most 2 uploads of one user at once.
    await inParallel(JOBS, 2, async (i) => {
      heavyDocs[i] = await uploadText(heavy, "A", i);
    });
    const smallDocs = await Promise.all(
      small.map((client, i) => uploadText(client, SMALL_USERS[i]!, 0)),
    );

    console.log(`[fairness ${label}] A confirms ${JOBS} analyses`);
    const heavyIds: string[] = [];
    const firstConfirm = Date.now();
    const heavyConfirms = inParallel(JOBS, 32, async (i) => {
      heavyIds.push(await confirmOrThrow(heavy, heavyDocs[i]!));
    });
    // Awaited below; a failure meanwhile must reach the `finally` (cleanup), not crash the process.
    heavyConfirms.catch(() => {});
    // A's backlog is in place (every confirm answered), then the small users arrive: on two busy
    // cores 300 confirms take longer than 3 s, and small confirms inside that burst measure the
    // web server's congestion, not the queue's fairness.
    await heavyConfirms;
    const burstS = (Date.now() - firstConfirm) / 1000;
    await new Promise((resolve) => setTimeout(resolve, SMALL_USERS_AFTER_MS));
    const [queued] = await sql`
      select count(*)::int as n from analyses
      where status = 'queued'
        and user_id = (select user_id from documents where id = ${heavyDocs[0]!})`;
    console.log(
      `[fairness ${label}] A's confirms took ${burstS.toFixed(1)} s; B–F confirm one each (${queued?.n} of A's queued)`,
    );
    const smallIds = await Promise.all(
      small.map((client, i) => confirmOrThrow(client, smallDocs[i]!)),
    );
    await heavyConfirms;

    const all = [...heavyIds, ...smallIds];
    const timeoutMs = 120_000 + JOBS * (STEP_MS * 10 + 500);
    await waitFor(
      async () =>
        (
          await sql`select count(*)::int as n from analyses
            where id = any(${all}) and status in ('succeeded', 'failed', 'cancelled')`
        )[0]?.n as number,
      (n) => n === all.length,
      { intervalMs: 250, timeoutMs, what: `all ${all.length} analyses to finish` },
    );

    const smallRows = await sql`
      select extract(epoch from started_at - confirmed_at)::float8 as wait,
        extract(epoch from admitted_at - confirmed_at)::float8 as to_admitted
      from analyses where id = any(${smallIds}) order by confirmed_at`;
    const durations = await sql`
      select extract(epoch from finished_at - started_at)::float8 as s
      from analyses where id = any(${all}) and status = 'succeeded'`;
    const [totals] = await sql`
      select count(*) filter (where status = 'succeeded')::int as succeeded,
        count(*) filter (where status <> 'succeeded')::int as failed,
        extract(epoch from max(finished_at) - min(confirmed_at))::float8 as seconds
      from analyses where id = any(${all})`;
    // A worker slot's idle time between two analyses (finish of one → start of its next):
    // the finishing transaction's commit, admission of the user's next one, BullMQ's hand-over
    // and the claim. Work was waiting all along, so this is pure overhead. Only with one slot per
    // worker does "the worker's previous analysis" name the slot that freed.
    const [gaps] = await sql`
      select percentile_cont(0.5) within group (order by gap)::float8 as median,
        percentile_cont(0.95) within group (order by gap)::float8 as p95
      from (
        select extract(epoch from started_at
          - lag(finished_at) over (partition by worker_id order by started_at)) as gap
        from analyses where id = any(${all}) and status = 'succeeded'
      ) g where gap is not null`;
    const smallWaitsS = smallRows.map((r) => Number(r.wait));
    const result: RunResult = {
      smallWaitsS,
      p95WaitS: percentile(smallWaitsS, 95),
      queuedAhead: Number(queued?.n ?? 0),
      analysisS: median(durations.map((r) => Number(r.s))),
      perSecond: Number(totals?.succeeded) / Number(totals?.seconds),
      failed: Number(totals?.failed),
    };
    console.log(
      `[fairness ${label}] small users waited ${smallWaitsS.map((s) => s.toFixed(1)).join(", ")} s ` +
        `(confirmed → admitted ${smallRows.map((r) => Number(r.to_admitted).toFixed(2)).join(", ")} s); ` +
        `one analysis ${result.analysisS.toFixed(2)} s; ${result.perSecond.toFixed(2)}/s; ` +
        (CONCURRENCY === 1
          ? `slot idle between analyses median ${(Number(gaps?.median) * 1000).toFixed(0)} ms, p95 ${(Number(gaps?.p95) * 1000).toFixed(0)} ms; `
          : "") +
        `${result.failed} not succeeded; ${((Date.now() - firstConfirm) / 1000).toFixed(0)} s in all`,
    );
    if (result.failed > 0) throw new Error(`${result.failed} analyses did not succeed`);
    return result;
  } finally {
    await bench.stop();
  }
}

const fair = await runOnce(LIMIT);
const unfair = await runOnce(0);

console.log(`\nbench:fairness — ${machineLine()}`);
console.log(
  `${JOBS} analyses of user A confirmed at once, then 5 users with one each ${SMALL_USERS_AFTER_MS / 1000} s after those confirms returned; ${WORKERS} workers × concurrency ${CONCURRENCY}; ANALYSIS_STEP_DELAY_MS=${STEP_MS}`,
);
console.log("| admission | small users' wait p95 | A's queued ahead | one analysis | throughput |");
console.log("|---|---|---|---|---|");
for (const [name, r] of [
  [`USER_MAX_ACTIVE=${LIMIT}`, fair],
  ["off (0)", unfair],
] as const) {
  console.log(
    `| ${name} | ${r.p95WaitS.toFixed(1)} s | ${r.queuedAhead} | ${r.analysisS.toFixed(2)} s | ${r.perSecond.toFixed(2)}/s |`,
  );
}
console.log(
  `fairness: small users waited p95 ${fair.p95WaitS.toFixed(1)} s behind ${fair.queuedAhead} queued (without fairness ${unfair.p95WaitS.toFixed(1)} s; one analysis takes ${fair.analysisS.toFixed(1)} s); throughput ${fair.perSecond.toFixed(2)}/s vs ${unfair.perSecond.toFixed(2)}/s`,
);
