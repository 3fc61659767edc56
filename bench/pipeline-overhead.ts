/**
 * `npm run bench:pipeline` — the whole job path against raw BullMQ, same Redis, same topology:
 * this process submits, one worker process consumes with the same concurrency.
 *   pipeline: confirmAnalysis (what POST /api/analyses runs: the confirm transaction — price,
 *     hold, `queued`, idempotency key — then the enqueue) → the production worker process
 *     (`worker/index.ts`) claims (fenced), writes progress, runs the five steps on a one-paragraph
 *     text document (a near no-op analysis) and finishes (memo + result + capture + `succeeded`
 *     in one statement); done when Postgres says every analysis succeeded;
 *   raw: Queue.add from this process + a worker process whose processor returns at once; done
 *     when BullMQ counts every job completed.
 * Documents are uploaded before the clock starts. A warm-up round of each, then ROUNDS
 * alternating rounds; medians. Also prints Postgres transactions and Redis commands per job (from
 * pg_stat_database and INFO commandstats), which is where per-job time goes.
 * Prints `bench: pipeline X/s, raw bullmq Y/s, ratio R`.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inParallel, machineLine, median } from "@/bench/support/bench-utils";
import { cpuSnapshot, formatCpuPerJob } from "@/bench/support/cpu-usage";
import { stopChild } from "@/scripts/lib/local-services";
import {
  projectRoot,
  spawnLogged,
  startWorkerProcess,
  waitForLine,
} from "@/tests/support/child-processes";
import { configureTestEnv } from "@/tests/support/configure-test-env";
import { startPgBouncer } from "@/tests/support/pgbouncer";
import {
  createTestDatabase,
  deleteQueueKeys,
  newRunId,
  resolveRedisUrl,
} from "@/tests/support/test-stack";
import { waitFor } from "@/tests/support/wait-for";

const JOBS = Number(process.env.BENCH_JOBS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_JOBS = Math.min(JOBS, 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** Confirms (and raw adds) in flight at once, like many users clicking at the same time. */
const IN_FLIGHT = 32;
/** Many users, as in production: one user's holds and captures queue on their balance row. */
const USERS = 100;

const runId = newRunId("bench_pipeline");
const database = await createTestDatabase(runId);
const redisUrl = await resolveRedisUrl();
const queuePrefix = `cfbench-${runId}`;
const rawPrefix = `${queuePrefix}-raw`;
const logDir = path.join(projectRoot, "test-results", "logs", runId);
fs.mkdirSync(logDir, { recursive: true });
// BENCH_POOLER=pgbouncer: submitter and worker reach Postgres through a PgBouncer in transaction
// mode, prepared statements off (as deployed behind one); BENCH_PREPARE=false: directly, but
// unprepared. Both measure what DATABASE_PREPARED_STATEMENTS=false costs (bench/RESULTS.md).
const pooler =
  process.env.BENCH_POOLER === "pgbouncer"
    ? await startPgBouncer({
        databaseUrl: database.databaseUrl,
        port: 40_000 + Math.floor(Math.random() * 5_000),
        logFile: path.join(projectRoot, "test-results", `${runId}-pgbouncer.log`),
      })
    : null;
const prepared = !pooler && process.env.BENCH_PREPARE !== "false";
const appEnv = {
  DATABASE_URL: pooler?.url ?? database.databaseUrl,
  DATABASE_PREPARED_STATEMENTS: String(prepared),
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: queuePrefix,
  // Production's level: the worker logs JOB_START / JOB_DONE for every job, as it does there.
  LOG_LEVEL: "info",
  NODE_ENV: "production" as const,
  // A production start refuses to run without these (docs/decisions/0009); no web server here.
  NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
  NEXTAUTH_URL: "http://127.0.0.1:3000",
  // Required too; nothing is mailed in this benchmark (its users are made verified).
  SMTP_URL: "smtp://127.0.0.1:2525",
  MAIL_FROM: "Clauseflow bench <no-reply@clauseflow.test>",
  WORKER_CONCURRENCY: String(CONCURRENCY),
  SIGNUP_GRANT_CREDITS: String(JOBS * (ROUNDS + 1)),
};
// lib/env reads these at import time, so they are set before the first dynamic import.
configureTestEnv(appEnv);

const { Queue, QueueEvents } = await import("bullmq");
const { Redis } = await import("ioredis");
const { default: postgres } = await import("postgres");
const { createUser } = await import("@/lib/auth/create-user");
const { closeDb } = await import("@/lib/db/client");
const { storeUploadedDocument } = await import("@/lib/documents/store-uploaded-document");
const { ANALYSIS_QUEUE, closeAnalysisQueue } = await import("@/lib/jobs/analysis-queue");
const { confirmAnalysis } = await import("@/lib/analyses/confirm-analysis");

const probe = postgres(database.databaseUrl, { max: 1, onnotice: () => {} });
const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
const children: ChildProcess[] = [];
const closers: (() => Promise<unknown>)[] = [];

/** Committed transactions in the bench database so far (every autocommit statement counts). */
async function postgresTransactions(): Promise<number> {
  // Backends publish their counters when they go idle, at most once a second.
  await sleep(1_100);
  const [row] = await probe`
    select xact_commit::int as n from pg_stat_database where datname = current_database()`;
  return row?.n ?? 0;
}

async function redisCommands(): Promise<number> {
  const info = await redis.info("commandstats");
  return [...info.matchAll(/calls=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

type Round = {
  perSecond: number;
  postgresPerJob: number;
  redisPerJob: number;
  /** CPU ms per job of this process, the worker process, Postgres and Redis. */
  cpuPerJob: string;
};

/** Times `submit` plus the wait for `isDone`, and counts the Postgres and Redis work per job. */
async function measure(
  workerPid: number | undefined,
  jobs: number,
  submit: () => Promise<void>,
  isDone: () => Promise<boolean>,
): Promise<Round> {
  const [pg0, redis0] = [await postgresTransactions(), await redisCommands()];
  const processes = { submitter: process.pid, worker: workerPid, pgbouncer: pooler?.pid };
  const cpu0 = cpuSnapshot(processes);
  const started = performance.now();
  await submit();
  await waitFor(isDone, Boolean, { intervalMs: 20, timeoutMs: 60_000, what: "jobs to finish" });
  const seconds = (performance.now() - started) / 1000;
  const cpu1 = cpuSnapshot(processes);
  const redis1 = await redisCommands();
  const pg1 = await postgresTransactions();
  return {
    perSecond: jobs / seconds,
    postgresPerJob: (pg1 - pg0) / jobs,
    redisPerJob: (redis1 - redis0) / jobs,
    cpuPerJob: formatCpuPerJob(cpu0, cpu1, jobs),
  };
}

async function prepareDocuments(count: number, userIds: string[]) {
  const documents: { userId: string; documentId: string }[] = [];
  await inParallel(count, 8, async (i) => {
    const userId = userIds[i % userIds.length]!;
    const { document } = await storeUploadedDocument({
      userId,
      originalName: `contract-${i}.txt`,
      bytes: new TextEncoder().encode(
        `This Services Agreement (the "Agreement") is made between Acme Inc. ("Supplier") and Beta LLC ("Customer"). It is governed by the laws of the State of New York. Customer shall pay $${i + 100} within 30 days of invoice.`,
      ),
    });
    documents.push({ userId, documentId: document.id });
  });
  return documents;
}

try {
  const userIds: string[] = [];
  for (let u = 0; u < USERS; u++) {
    const { userId } = await createUser({
      email: `bench-${randomUUID()}@example.com`,
      password: "bench password",
    });
    userIds.push(userId);
  }
  const documents = await prepareDocuments(WARMUP_JOBS + ROUNDS * JOBS, userIds);

  const rawQueue = new Queue("raw", { connection: redis, prefix: rawPrefix });
  const rawWorker = spawnLogged(
    process.execPath,
    [
      "--import",
      "tsx",
      "bench/support/raw-bullmq-worker.ts",
      redisUrl,
      rawPrefix,
      "raw",
      String(CONCURRENCY),
    ],
    process.env,
    path.join(logDir, "raw-worker.log"),
  );
  children.push(rawWorker);
  await waitForLine(rawWorker, /"msg":"ready"/, 30_000, "raw BullMQ worker");
  const appWorker = await startWorkerProcess({
    env: { ...process.env, ...appEnv },
    logFile: path.join(logDir, "worker.log"),
    // BENCH_PROFILE_DIR=dir writes a CPU profile of the worker process there (on exit).
    nodeArgs: process.env.BENCH_PROFILE_DIR
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
      : [],
  });
  children.push(appWorker);

  let rawAdded = 0;
  const rawRound = (jobs: number) => {
    rawAdded += jobs;
    const target = rawAdded;
    return measure(
      rawWorker.pid,
      jobs,
      () => inParallel(jobs, IN_FLIGHT, (i) => rawQueue.add("raw", { i })),
      async () => ((await rawQueue.getJobCounts("completed")).completed ?? 0) >= target,
    );
  };
  // Jobs the worker finished, from BullMQ's event stream (the processor returns after the
  // finishing statement committed); Postgres is asked once per round whether all succeeded.
  const eventsConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const events = new QueueEvents(ANALYSIS_QUEUE, {
    connection: eventsConnection,
    prefix: queuePrefix,
  });
  closers.push(async () => {
    await events.close();
    eventsConnection.disconnect();
  });
  await events.waitUntilReady();
  let finished = 0;
  events.on("completed", () => {
    finished++;
  });
  let confirmed = 0;
  const pipelineRound = (jobs: number) => {
    const batch = documents.slice(confirmed, confirmed + jobs);
    confirmed += jobs;
    const target = confirmed;
    const ids: string[] = [];
    return measure(
      appWorker.pid,
      jobs,
      () =>
        inParallel(jobs, IN_FLIGHT, async (i) => {
          const { analysis } = await confirmAnalysis({
            ...batch[i]!,
            idempotencyKey: randomUUID(),
            rerun: true,
            acknowledgeWarning: true,
          });
          ids.push(analysis.id);
        }),
      async () => {
        if (process.env.BENCH_DEBUG) console.log({ finished, target });
        if (finished < target) return false;
        const rows = await probe`
          select status, count(*)::int as n from analyses where id = any(${ids}) group by status`;
        if (process.env.BENCH_DEBUG) console.log(rows);
        const count = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
        if (count("failed") + count("cancelled") > 0) throw new Error("analyses failed");
        return count("succeeded") === jobs;
      },
    );
  };

  // Warm-up (JIT, connection pools, prepared statements), not measured.
  await rawRound(WARMUP_JOBS);
  await pipelineRound(WARMUP_JOBS);
  const raw: Round[] = [];
  const pipeline: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    raw.push(await rawRound(JOBS));
    pipeline.push(await pipelineRound(JOBS));
  }

  const show = (name: string, rounds: Round[]) =>
    console.log(
      `${name.padEnd(9)} ${rounds.map((r) => `${r.perSecond.toFixed(0)}/s`).join(", ")} · per job: ${median(rounds.map((r) => r.postgresPerJob)).toFixed(1)} Postgres transactions, ${median(rounds.map((r) => r.redisPerJob)).toFixed(1)} Redis commands\n          CPU ms per job (last round): ${rounds.at(-1)?.cpuPerJob}`,
    );
  console.log(`\nbench:pipeline — ${machineLine()}`);
  console.log(
    `${JOBS} jobs per round, ${ROUNDS} rounds after a warm-up, worker concurrency ${CONCURRENCY}, ${IN_FLIGHT} submissions in flight, ${USERS} users; Postgres ${pooler ? "through PgBouncer (transaction mode)" : "direct"}, prepared statements ${prepared ? "on" : "off"}`,
  );
  show("raw", raw);
  show("pipeline", pipeline);
  const x = median(pipeline.map((r) => r.perSecond));
  const y = median(raw.map((r) => r.perSecond));
  console.log(
    `bench: pipeline ${x.toFixed(0)}/s, raw bullmq ${y.toFixed(0)}/s, ratio ${(x / y).toFixed(2)}`,
  );
  await rawQueue.close();
} finally {
  await Promise.all(closers.map((close) => close()));
  await Promise.all(children.map((child) => stopChild(child, 15_000)));
  await closeAnalysisQueue();
  await closeDb();
  await probe.end();
  redis.disconnect();
  await deleteQueueKeys(redisUrl, queuePrefix);
  await deleteQueueKeys(redisUrl, rawPrefix);
  await pooler?.stop();
  await database.drop();
}
