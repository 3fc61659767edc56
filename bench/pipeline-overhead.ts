/**
 * `npm run bench:pipeline` — the whole job path against raw BullMQ, same Redis, same worker
 * concurrency, one process:
 *   pipeline: confirmAnalysis (the confirm transaction: price, hold, `queued`, idempotency) →
 *     enqueue → the production worker (createAnalysisWorker) claims (fenced), writes progress,
 *     runs the five steps on a one-paragraph text document (a near no-op analysis), and finishes
 *     (memo + result + capture + `succeeded` in one transaction);
 *   raw: Queue.add + a Worker whose processor returns at once.
 * Documents are uploaded before the clock starts. Prints
 * `bench: pipeline X/s, raw bullmq Y/s, ratio R`.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  createTestDatabase,
  deleteQueueKeys,
  newRunId,
  resolveRedisUrl,
} from "@/tests/support/test-stack";

const JOBS = Number(process.env.BENCH_JOBS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** Confirms (and raw adds) in flight at once, like many users clicking at the same time. */
const IN_FLIGHT = 32;
const USERS = 100;

const runId = newRunId("bench_pipeline");
const database = await createTestDatabase(runId);
const redisUrl = await resolveRedisUrl();
const queuePrefix = `cfbench-${runId}`;
// lib/env reads these at import time, so they are set before the first dynamic import.
Object.assign(process.env, {
  DATABASE_URL: database.databaseUrl,
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: queuePrefix,
  LOG_LEVEL: "warn",
  WORKER_CONCURRENCY: String(CONCURRENCY),
  // Every confirm must succeed: the user can pay for all of them.
  SIGNUP_GRANT_CREDITS: String(JOBS),
  // One process runs both the confirms (the web side) and the worker: give it both pools.
  DB_POOL_MAX: "20",
});

const { Queue, Worker } = await import("bullmq");
const { Redis } = await import("ioredis");
const { createUser } = await import("@/lib/auth/create-user");
const { closeDb, db } = await import("@/lib/db/client");
const { sql } = await import("drizzle-orm");
const { storeUploadedDocument } = await import("@/lib/documents/store-uploaded-document");
const { closeAnalysisQueue } = await import("@/lib/jobs/analysis-queue");
const { confirmAnalysis } = await import("@/lib/jobs/confirm-analysis");
const { createAnalysisWorker } = await import("@/lib/jobs/create-analysis-worker");
const { logger } = await import("@/lib/logger");

/** Runs `task(i)` for i < n with at most `limit` in flight. */
async function inParallel(n: number, limit: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

async function measureRaw(): Promise<number> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = `${queuePrefix}-raw`;
  const queue = new Queue("raw", { connection, prefix });
  let done = 0;
  const worker = new Worker("raw", async () => "ok", {
    connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
    prefix,
    concurrency: CONCURRENCY,
  });
  const finished = new Promise<void>((resolve) =>
    worker.on("completed", () => {
      if (++done === JOBS) resolve();
    }),
  );
  const started = performance.now();
  await inParallel(JOBS, IN_FLIGHT, (i) => queue.add("raw", { i }));
  await finished;
  const perSecond = JOBS / ((performance.now() - started) / 1000);
  await worker.close();
  await queue.close();
  connection.disconnect();
  await deleteQueueKeys(redisUrl, prefix);
  return perSecond;
}

async function measurePipeline(): Promise<number> {
  // Many users, as in production: one user's confirms and settlements queue on their balance
  // row lock (that is the ledger's safety), which would measure one user's clicking speed.
  const userIds: string[] = [];
  for (let u = 0; u < USERS; u++) {
    const { userId } = await createUser({
      email: `bench-${randomUUID()}@example.com`,
      password: "bench password",
    });
    userIds.push(userId);
  }
  const documents: { userId: string; documentId: string }[] = [];
  await inParallel(JOBS, 8, async (i) => {
    const userId = userIds[i % USERS] ?? "";
    const { document } = await storeUploadedDocument({
      userId,
      originalName: `contract-${i}.txt`,
      bytes: new TextEncoder().encode(
        `This Services Agreement (the "Agreement") is made between Acme Inc. ("Supplier") and Beta LLC ("Customer"). It is governed by the laws of the State of New York. Customer shall pay $${i + 100} within 30 days of invoice.`,
      ),
    });
    documents.push({ userId, documentId: document.id });
  });
  const worker = createAnalysisWorker({
    workerId: `bench:${process.pid}`,
    logger,
    connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
    concurrency: CONCURRENCY,
  });
  const started = performance.now();
  await inParallel(JOBS, IN_FLIGHT, (i) =>
    confirmAnalysis({ ...documents[i]!, idempotencyKey: randomUUID() }),
  );
  if (process.env.BENCH_DEBUG)
    console.log(`confirms done after ${(performance.now() - started).toFixed(0)} ms`);
  for (;;) {
    const [row] = await db.execute<{ done: number; failed: number }>(
      sql`select count(*) filter (where status = 'succeeded')::int as done, count(*) filter (where status in ('failed', 'cancelled'))::int as failed from analyses`,
    );
    if ((row?.failed ?? 0) > 0) throw new Error(`${row?.failed} analyses failed`);
    if ((row?.done ?? 0) >= JOBS) break;
    await sleep(5);
  }
  const perSecond = JOBS / ((performance.now() - started) / 1000);
  await worker.close();
  return perSecond;
}

try {
  // Warm both paths (JIT, connection pools) with a small run first.
  const raw = await measureRaw();
  const pipeline = await measurePipeline();
  console.log(
    `${JOBS} jobs each, worker concurrency ${CONCURRENCY}, ${IN_FLIGHT} submissions in flight`,
  );
  console.log(
    `bench: pipeline ${pipeline.toFixed(0)}/s, raw bullmq ${raw.toFixed(0)}/s, ratio ${(pipeline / raw).toFixed(2)}`,
  );
} finally {
  await closeAnalysisQueue();
  await closeDb();
  await deleteQueueKeys(redisUrl, queuePrefix);
  await database.drop();
}
