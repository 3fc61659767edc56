import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopChild } from "@/scripts/lib/local-services";
import { projectRoot, startWorkerProcess } from "@/tests/support/child-processes";
import { integrationStack } from "@/tests/support/integration-stack";
import { type PgBouncer, pgBouncerInstalled, startPgBouncer } from "@/tests/support/pgbouncer";
import { deleteQueueKeys } from "@/tests/support/test-stack";

const stack = integrationStack();
const run = promisify(execFile);

/**
 * Deployed behind PgBouncer in transaction mode (Debian's 1.18, which forwards no named prepared
 * statements), with DATABASE_PREPARED_STATEMENTS=false: web-side database work and a worker,
 * both pooled, finish analyses. Skipped where pgbouncer is not installed.
 */
describe.skipIf(!pgBouncerInstalled())("behind PgBouncer in transaction mode", () => {
  let pooler: PgBouncer;
  const prefix = `${stack.queuePrefix}-pooled`;
  beforeAll(async () => {
    pooler = await startPgBouncer({
      databaseUrl: stack.databaseUrl,
      port: 46_000 + Math.floor(Math.random() * 2_000),
      logFile: path.join(projectRoot, "test-results", `pgbouncer-${randomUUID()}.log`),
    });
  });
  afterAll(async () => {
    await pooler?.stop();
    await deleteQueueKeys(stack.redisUrl, prefix);
  });

  it("confirms and finishes analyses with prepared statements off, through the pooler", async () => {
    const env = {
      ...process.env,
      DATABASE_URL: pooler.url,
      DATABASE_PREPARED_STATEMENTS: "false",
      REDIS_URL: stack.redisUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: "warn",
    };
    const worker = await startWorkerProcess({
      env: { ...env, LOG_LEVEL: "info", WORKER_CONCURRENCY: "4" },
      logFile: path.join(projectRoot, "test-results", `pooled-worker-${randomUUID()}.log`),
      what: "pooled worker",
    });
    try {
      const { stdout } = await run(
        process.execPath,
        ["--import", "tsx", "tests/support/pooled-journey.ts"],
        { cwd: projectRoot, env: { ...env, POOLED_JOBS: "8" }, timeout: 60_000 },
      );
      const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
        statuses: string[];
        captures: number;
      };
      expect(result.statuses).toEqual(Array(8).fill("succeeded"));
      expect(result.captures).toBe(8);
    } finally {
      await stopChild(worker, 10_000);
    }

    // It really went through the pooler: its own count of transactions served.
    const admin = postgres({
      host: "127.0.0.1",
      port: Number(new URL(pooler.url).port),
      database: "pgbouncer",
      username: decodeURIComponent(new URL(pooler.url).username),
      prepare: false,
      fetch_types: false,
      max: 1,
      onnotice: () => {},
    });
    try {
      const stats = await admin.unsafe("SHOW STATS").simple();
      const served = stats
        .filter((row) => row.database !== "pgbouncer")
        .reduce((sum, row) => sum + Number(row.total_xact_count), 0);
      expect(served).toBeGreaterThan(50);
    } finally {
      await admin.end({ timeout: 1 });
    }
  }, 90_000);
});
