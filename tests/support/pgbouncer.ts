import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stopChild, waitForPort } from "@/scripts/lib/local-services";

export const PGBOUNCER_BIN = "/usr/sbin/pgbouncer";

export type PgBouncer = {
  /** `databaseUrl` with host and port replaced by the pooler's. */
  url: string;
  pid: number | undefined;
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * A private PgBouncer (Debian's 1.18) in transaction mode on 127.0.0.1:`port`, in front of the
 * server of `databaseUrl`, with a generated ini in a temp dir: the deployment where named
 * prepared statements break (DATABASE_PREPARED_STATEMENTS=false). PgBouncer refuses to run as
 * root; as root it runs as the `postgres` user.
 */
export async function startPgBouncer(options: {
  databaseUrl: string;
  port: number;
  logFile: string;
}): Promise<PgBouncer> {
  const target = new URL(options.databaseUrl);
  const user = decodeURIComponent(target.username || "postgres");
  const password = decodeURIComponent(target.password);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clauseflow-pgbouncer-"));
  fs.writeFileSync(path.join(dir, "users.txt"), `"${user}" "${password}"\n`);
  const ini = path.join(dir, "pgbouncer.ini");
  fs.writeFileSync(
    ini,
    [
      "[databases]",
      `* = host=${target.hostname} port=${target.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${options.port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "users.txt")}`,
      "pool_mode = transaction",
      "max_client_conn = 500",
      "default_pool_size = 20",
      "server_reset_query =",
      // The admin console (`SHOW STATS` on database "pgbouncer"), for tests that check use.
      `admin_users = ${user}`,
      // postgres.js sends no other startup parameters; these are what other clients often send.
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    fs.chmodSync(dir, 0o755);
    execFileSync("chown", ["-R", "postgres:postgres", dir]);
  }
  let child: ChildProcess;
  const start = async () => {
    const out = fs.openSync(options.logFile, "a");
    child = asRoot
      ? spawn(
          "setpriv",
          ["--reuid=postgres", "--regid=postgres", "--init-groups", PGBOUNCER_BIN, ini],
          { stdio: ["ignore", out, out] },
        )
      : spawn(PGBOUNCER_BIN, [ini], { stdio: ["ignore", out, out] });
    fs.closeSync(out);
    await waitForPort(options.port, 10_000);
  };
  await start();
  const url = new URL(options.databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(options.port);
  return {
    url: url.toString(),
    get pid() {
      return child.pid;
    },
    restart: async () => {
      await stopChild(child, 5_000);
      await start();
    },
    stop: async () => {
      await stopChild(child, 5_000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const pgBouncerInstalled = () => fs.existsSync(PGBOUNCER_BIN);
