import { type ChildProcess, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import postgres from "postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import {
  ensurePostgres,
  ensureRedis,
  portIsOpen,
  type Service,
  stopChild,
} from "@/scripts/lib/local-services";
import {
  projectRoot,
  spawnLogged,
  startWorkerProcess,
  waitForHttp,
} from "@/tests/support/child-processes";
import { startTestSmtpServer } from "@/tests/support/mailbox";

const log = (line: string) => console.log(`[test-stack] ${line}`);

export type TestStack = {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  baseUrl: string;
  /** Bearer token of the server's `GET /api/metrics`. */
  metricsToken: string;
  env: NodeJS.ProcessEnv;
  logDir: string;
  startWorker: (extraEnv?: Record<string, string>) => Promise<ChildProcess>;
  /** Another web server on the same database and prefix, e.g. with other limits; stopped with
   *  the stack. */
  startWeb: (options: { port: number; env?: Record<string, string> }) => Promise<string>;
  stop: () => Promise<void>;
};

/**
 * Every test run signs up many users from 127.0.0.1 within seconds: the stack's servers get
 * limits no suite reaches. Tests of the limits themselves start a server with strict ones
 * (`webEnv` or `startWeb`).
 */
export const TEST_RATE_LIMITS: Record<string, string> = {
  RATE_LIMIT_SIGNIN_IP: "1000000/1m",
  RATE_LIMIT_SIGNUP_IP: "1000000/1m",
  RATE_LIMIT_UPLOAD_USER: "1000000/1m",
  RATE_LIMIT_CONFIRM_USER: "1000000/1m",
  RATE_LIMIT_PASSWORD_RESET: "1000000/1m",
  RATE_LIMIT_AUTH_LINK_IP: "1000000/1m",
};

/**
 * A private world for one test run: its own database (created on the local Postgres, or an
 * embedded one if none runs), its own BullMQ key prefix on Redis, a production Next server and
 * real worker processes. Nothing touches a developer's data.
 */
export async function startTestStack(options: {
  name: string;
  port: number;
  workerEnv?: Record<string, string>;
  /** Extra environment of every process of the stack (web and workers). */
  env?: Record<string, string>;
  /** Extra environment of the web server only (after the test rate limits). */
  webEnv?: Record<string, string>;
  workers?: number;
}): Promise<TestStack> {
  const runId = newRunId(options.name);
  const services: Service[] = [];
  const database = await createTestDatabase(runId, services);
  const { databaseUrl } = database;
  const redisUrl = await resolveRedisUrl(services);
  // Account mails go to a real SMTP server in this process (tests/support/mailbox.ts).
  const smtp = await startTestSmtpServer();
  services.push({ url: smtp.url, stop: smtp.stop, startedHere: true });

  const queuePrefix = `cftest-${runId}`;
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const logDir = path.join(projectRoot, "test-results", "logs", runId);
  fs.mkdirSync(logDir, { recursive: true });
  const metricsToken = randomBytes(24).toString("hex");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
    NEXTAUTH_URL: baseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    PORT: String(options.port),
    NEXT_TELEMETRY_DISABLED: "1",
    METRICS_TOKEN: metricsToken,
    SMTP_URL: smtp.url,
    MAIL_FROM: "Clauseflow tests <no-reply@clauseflow.test>",
    ...TEST_RATE_LIMITS,
    ...options.env,
  };

  const children: ChildProcess[] = [];
  let workerCount = 0;
  const startWorker = async (extraEnv: Record<string, string> = {}) => {
    const n = ++workerCount;
    const child = await startWorkerProcess({
      env: { ...env, ...options.workerEnv, ...extraEnv },
      logFile: path.join(logDir, `worker-${n}.log`),
      what: `worker ${n}`,
    });
    children.push(child);
    return child;
  };

  const stop = async () => {
    await Promise.all(children.map((c) => stopChild(c, 10_000)));
    await deleteQueueKeys(redisUrl, queuePrefix);
    await database.drop();
    for (const s of services.reverse()) await s.stop();
  };

  let webCount = 0;
  const startWeb = async (web: { port: number; env?: Record<string, string> }) => {
    const n = ++webCount;
    const url = `http://127.0.0.1:${web.port}`;
    const child = spawnLogged(
      path.join(projectRoot, "node_modules/.bin/next"),
      ["start", "-p", String(web.port), "-H", "127.0.0.1"],
      { ...env, NEXTAUTH_URL: url, PORT: String(web.port), ...web.env },
      path.join(logDir, n === 1 ? "web.log" : `web-${n}.log`),
    );
    children.push(child);
    await waitForHttp(`${url}/api/health`, 60_000);
    return url;
  };

  try {
    ensureProductionBuild();
    await startWeb({ port: options.port, env: options.webEnv });
    for (let i = 0; i < (options.workers ?? 1); i++) await startWorker();
  } catch (error) {
    // A half-started stack must not leave servers, workers or databases behind.
    await stop().catch(() => {});
    throw error;
  }
  log(
    `up: ${baseUrl} db=${database.name} prefix=${queuePrefix} logs=${path.relative(projectRoot, logDir)}`,
  );

  return {
    databaseUrl,
    redisUrl,
    queuePrefix,
    baseUrl,
    metricsToken,
    env,
    logDir,
    startWorker,
    startWeb,
    stop,
  };
}

export function newRunId(name: string): string {
  return `${name}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

/** A fresh, migrated database for one run, on the test Postgres server. */
export async function createTestDatabase(
  runId: string,
  services: Service[] = [],
): Promise<{ name: string; databaseUrl: string; drop: () => Promise<void> }> {
  const pgAdminUrl = await resolvePostgresAdminUrl(services);
  const name = `cf_${runId}`.toLowerCase();
  const admin = postgres(pgAdminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const databaseUrl = withDatabase(pgAdminUrl, name);
  await migrateDatabase(databaseUrl);
  return {
    name,
    databaseUrl,
    drop: async () => {
      const cleanup = postgres(pgAdminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await cleanup.end();
    },
  };
}

/** Removes every BullMQ key of one run's prefix. */
export async function deleteQueueKeys(redisUrl: string, queuePrefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${queuePrefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

/** TEST_DATABASE_URL (a server URL) → that; local Postgres on 5432 → it; else an embedded one. */
async function resolvePostgresAdminUrl(services: Service[]): Promise<string> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (await portIsOpen(5432)) return "postgres://postgres@127.0.0.1:5432/postgres";
  // The local server, never the app database DATABASE_URL may name.
  const service = await ensurePostgres(path.join(projectRoot, ".data"), log, undefined);
  services.push(service);
  return withDatabase(service.url, "postgres");
}

export async function resolveRedisUrl(services: Service[] = []): Promise<string> {
  if (process.env.TEST_REDIS_URL) return process.env.TEST_REDIS_URL;
  if (await portIsOpen(6379)) return "redis://127.0.0.1:6379";
  const service = await ensureRedis(path.join(projectRoot, ".data"), log, undefined);
  services.push(service);
  return service.url;
}

function withDatabase(url: string, dbName: string): string {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return u.toString();
}

function ensureProductionBuild() {
  if (fs.existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) return;
  log("no production build found; running `next build`");
  const build = spawnSync(path.join(projectRoot, "node_modules/.bin/next"), ["build"], {
    cwd: projectRoot,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("next build failed");
}
