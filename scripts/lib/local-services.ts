import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { LOCAL_DATABASE_URL, LOCAL_REDIS_URL } from "@/lib/local-defaults";

export type Service = { url: string; stop: () => Promise<void>; startedHere: boolean };

const noop = async () => {};

/**
 * Where the stack's own Postgres and Redis listen: the defaults of lib/local-defaults, or the
 * ports in CLAUSEFLOW_LOCAL_POSTGRES_PORT / CLAUSEFLOW_LOCAL_REDIS_PORT, for a second local stack
 * beside a running one (tests/integration/dev-stack-ctrl-c.test.ts starts one).
 */
export function localServiceUrl(service: "postgres" | "redis"): string {
  const [fallback, override] =
    service === "postgres"
      ? [LOCAL_DATABASE_URL, process.env.CLAUSEFLOW_LOCAL_POSTGRES_PORT]
      : [LOCAL_REDIS_URL, process.env.CLAUSEFLOW_LOCAL_REDIS_PORT];
  if (!override) return fallback;
  const url = new URL(fallback);
  url.port = override;
  return url.toString();
}

export function portIsOpen(port: number, host = "127.0.0.1", timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * A configured URL (the caller's DATABASE_URL) → use it. Otherwise run an embedded Postgres (real
 * binaries from npm) with its data under `dataDir`, so the next start finds the same data.
 */
export async function ensurePostgres(
  dataDir: string,
  log: (line: string) => void,
  configuredUrl: string | undefined,
): Promise<Service> {
  if (configuredUrl) return { url: configuredUrl, stop: noop, startedHere: false };
  const databaseUrl = localServiceUrl("postgres");
  const port = Number(new URL(databaseUrl).port);
  if (await portIsOpen(port)) {
    log(`Postgres already listening on ${port}; using it`);
    return { url: databaseUrl, stop: noop, startedHere: false };
  }
  const databaseDir = path.resolve(dataDir, "postgres");
  fs.mkdirSync(dataDir, { recursive: true });
  // Its own process group: Ctrl-C reaches web and worker, and Postgres stops only after them.
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(import.meta.dirname, "embedded-postgres-process.ts"),
      databaseDir,
      databaseUrl,
    ],
    { detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stderr?.on("data", (chunk: Buffer) => log(chunk.toString().trim()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        if (line === "ready") resolve();
        else log(line);
      }
    });
    child.once("exit", (code) =>
      reject(new Error(`embedded Postgres exited with ${code} while starting`)),
    );
  });
  log(`embedded Postgres on port ${port}`);
  return { url: databaseUrl, stop: () => stopChild(child, 30_000), startedHere: true };
}

/**
 * A configured URL (the caller's REDIS_URL) → use it. Otherwise start `redis-server` from PATH
 * with AOF persistence and `noeviction` (BullMQ must never lose keys), data under `dataDir`.
 */
export async function ensureRedis(
  dataDir: string,
  log: (line: string) => void,
  configuredUrl: string | undefined,
): Promise<Service> {
  if (configuredUrl) return { url: configuredUrl, stop: noop, startedHere: false };
  const redisUrl = localServiceUrl("redis");
  const port = Number(new URL(redisUrl).port);
  if (await portIsOpen(port)) {
    log(`Redis already listening on ${port}; using it`);
    return { url: redisUrl, stop: noop, startedHere: false };
  }
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  if (found.status !== 0) {
    throw new Error(
      "redis-server was not found on PATH. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) or set REDIS_URL to a running Redis.",
    );
  }
  const dir = path.resolve(dataDir, "redis");
  fs.mkdirSync(dir, { recursive: true });
  const child = startRedisProcess({ port, dir, appendOnly: true });
  await waitForPort(port, 10_000);
  log(`redis-server on port ${port} (data in ${dir})`);
  return { url: redisUrl, stop: () => stopChild(child), startedHere: true };
}

export function startRedisProcess(opts: {
  port: number;
  dir: string;
  appendOnly: boolean;
}): ChildProcess {
  return spawn(
    "redis-server",
    [
      "--port",
      String(opts.port),
      "--bind",
      "127.0.0.1",
      "--dir",
      opts.dir,
      "--appendonly",
      opts.appendOnly ? "yes" : "no",
      "--save",
      "",
      "--maxmemory-policy",
      "noeviction",
      "--daemonize",
      "no",
    ],
    // Its own process group, like Postgres: stopped by us after the apps, not by the terminal.
    { stdio: "ignore", detached: true },
  );
}

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await portIsOpen(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listening on port ${port} after ${timeoutMs} ms`);
}

export function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A stable secret for next-auth JWTs, kept beside the data so sessions survive restarts. */
export function ensureAuthSecret(dataDir: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
