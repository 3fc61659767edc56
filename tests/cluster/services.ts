/**
 * The data services of `npm run cluster`, each started inside a host's namespace from Debian's
 * binaries with a generated configuration in the run's temp directory: Postgres 15 (initdb +
 * postgres), PgBouncer in transaction mode, redis-server (primary and replica), Sentinel, HAProxy.
 * Postgres and PgBouncer refuse to run as root: they run as the `postgres` user (setpriv execs,
 * so the child's pid is the server's).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { type Host, inHost } from "./network";

export const PG_BIN = "/usr/lib/postgresql/15/bin";
export const PORTS = { postgres: 5432, pgbouncer: 6432, redis: 6379, sentinel: 26379, http: 8080 };

export function startIn(
  host: Host,
  command: string,
  args: string[],
  logFile: string,
  options: { env?: NodeJS.ProcessEnv; cwd?: string; asPostgres?: boolean } = {},
): ChildProcess {
  const [cmd, cmdArgs] = options.asPostgres
    ? inHost(host, "setpriv", [
        "--reuid=postgres",
        "--regid=postgres",
        "--init-groups",
        command,
        ...args,
      ])
    : inHost(host, command, args);
  const out = fs.openSync(logFile, "a");
  return spawn(cmd, cmdArgs, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", out, out],
  });
}

export async function waitForTcp(address: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: address, port, timeout: 1_000 });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
      socket.once("timeout", () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${address}:${port} not open after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function postgresOwned(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync("chown", ["-R", "postgres:postgres", dir]);
  return dir;
}

export async function startPostgres(host: Host, workDir: string, logDir: string) {
  const dataDir = postgresOwned(path.join(workDir, "pgdata"));
  execFileSync(
    "setpriv",
    [
      "--reuid=postgres",
      "--regid=postgres",
      "--init-groups",
      `${PG_BIN}/initdb`,
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
    ],
    { stdio: "ignore" },
  );
  fs.appendFileSync(path.join(dataDir, "pg_hba.conf"), "host all all 198.18.0.0/24 trust\n");
  const child = startIn(
    host,
    `${PG_BIN}/postgres`,
    [
      "-D",
      dataDir,
      "-c",
      `listen_addresses=127.0.0.1,${host.address}`,
      "-c",
      `port=${PORTS.postgres}`,
      "-c",
      `unix_socket_directories=${dataDir}`,
      "-c",
      "max_connections=200",
      // A throwaway cluster on a loaded machine: this test is about the network, not the disk.
      "-c",
      "fsync=off",
      "-c",
      "full_page_writes=off",
    ],
    path.join(logDir, "postgres.log"),
    { asPostgres: true },
  );
  await waitForTcp(host.address, PORTS.postgres, 30_000);
  return child;
}

/** PgBouncer 1.18 in transaction mode before Postgres, on the same host. */
export function writePgBouncerConfig(host: Host, workDir: string, database: string): string {
  const dir = postgresOwned(path.join(workDir, "pgbouncer"));
  fs.writeFileSync(path.join(dir, "users.txt"), '"postgres" ""\n');
  const ini = path.join(dir, "pgbouncer.ini");
  fs.writeFileSync(
    ini,
    [
      "[databases]",
      `${database} = host=127.0.0.1 port=${PORTS.postgres} dbname=${database} user=postgres`,
      "[pgbouncer]",
      `listen_addr = ${host.address}`,
      `listen_port = ${PORTS.pgbouncer}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "users.txt")}`,
      "pool_mode = transaction",
      "max_client_conn = 1000",
      "default_pool_size = 40",
      "server_reset_query =",
      "ignore_startup_parameters = extra_float_digits,options",
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  execFileSync("chown", ["-R", "postgres:postgres", dir]);
  return ini;
}

export async function startPgBouncer(host: Host, ini: string, logDir: string) {
  const child = startIn(host, "/usr/sbin/pgbouncer", [ini], path.join(logDir, "pgbouncer.log"), {
    asPostgres: true,
  });
  await waitForTcp(host.address, PORTS.pgbouncer, 15_000);
  return child;
}

export async function startRedis(
  host: Host,
  workDir: string,
  logDir: string,
  replicaOf?: Host,
): Promise<ChildProcess> {
  const dir = path.join(workDir, `redis-${host.name}`);
  fs.mkdirSync(dir, { recursive: true });
  const args = [
    "--bind",
    host.address,
    "--port",
    String(PORTS.redis),
    "--protected-mode",
    "no",
    "--dir",
    dir,
    "--appendonly",
    "yes",
    "--save",
    "",
    "--maxmemory-policy",
    "noeviction",
    ...(replicaOf ? ["--replicaof", replicaOf.address, String(PORTS.redis)] : []),
  ];
  const child = startIn(host, "redis-server", args, path.join(logDir, `redis-${host.name}.log`));
  await waitForTcp(host.address, PORTS.redis, 15_000);
  return child;
}

export async function startSentinel(
  host: Host,
  primary: Host,
  master: string,
  workDir: string,
  logDir: string,
): Promise<ChildProcess> {
  // Sentinel rewrites its configuration file (what it learns, failovers): one writable file each.
  const file = path.join(workDir, `sentinel-${host.name}.conf`);
  fs.writeFileSync(
    file,
    [
      `bind ${host.address}`,
      `port ${PORTS.sentinel}`,
      "protected-mode no",
      `dir ${workDir}`,
      `sentinel monitor ${master} ${primary.address} ${PORTS.redis} 2`,
      `sentinel down-after-milliseconds ${master} 3000`,
      `sentinel failover-timeout ${master} 15000`,
      `sentinel parallel-syncs ${master} 1`,
      "",
    ].join("\n"),
  );
  const child = startIn(
    host,
    "redis-server",
    [file, "--sentinel"],
    path.join(logDir, `sentinel-${host.name}.log`),
  );
  await waitForTcp(host.address, PORTS.sentinel, 15_000);
  return child;
}

export async function startHaproxy(
  host: Host,
  webs: Host[],
  webPort: number,
  workDir: string,
  logDir: string,
): Promise<ChildProcess> {
  const file = path.join(workDir, "haproxy.cfg");
  fs.writeFileSync(
    file,
    [
      "global",
      "  maxconn 2000",
      "defaults",
      "  mode http",
      "  timeout connect 2s",
      "  timeout client 60s",
      "  timeout server 60s",
      // A connection refused by a dead web host is tried again on the other one; nothing that
      // reached a server is replayed (an upload is not idempotent; the client retries those).
      "  retries 3",
      "  option redispatch",
      "  retry-on conn-failure",
      "frontend app",
      `  bind ${host.address}:${PORTS.http}`,
      "  option forwardfor",
      "  default_backend webs",
      "backend webs",
      "  balance roundrobin",
      "  option httpchk GET /api/ping",
      "  http-check expect status 200",
      ...webs.map(
        (web) => `  server ${web.name} ${web.address}:${webPort} check inter 1s fall 2 rise 2`,
      ),
      "",
    ].join("\n"),
  );
  const child = startIn(
    host,
    "/usr/sbin/haproxy",
    ["-f", file, "-db"],
    path.join(logDir, "haproxy.log"),
  );
  await waitForTcp(host.address, PORTS.http, 15_000);
  return child;
}
