/**
 * `npm run cluster -- [--jobs N] [--users U] [--seed S]` — the app across hosts, under faults.
 *
 * Builds a private network of Linux network namespaces on one bridge (tests/cluster/network.ts:
 * 198.18.0.0/24 only, no route out) and runs, each in its own "host":
 *   data   Postgres 15, PgBouncer (transaction mode), the Redis primary, a Sentinel
 *   data2  the Redis replica, a Sentinel
 *   lb     HAProxy (round robin over web1/web2, health checks on /api/ping), a Sentinel
 *   web1, web2       the image's web command (`node server.js`, the standalone build)
 *   work1 … work3    the image's worker command (`node --import tsx worker/index.ts`)
 * Web and workers reach Postgres through PgBouncer with DATABASE_PREPARED_STATEMENTS=false and
 * Redis through the Sentinels. This process (the root namespace, 198.18.0.1) plays U users: it
 * signs them in through the balancer, uploads and confirms N analyses over the HTTP API and
 * polls their status, while it cuts one worker host off from Redis, one from Postgres and one
 * from everything (each longer than the 4 s lock, then healed), kills a web host (and later
 * starts it again), fails the Redis primary over with Sentinel, restarts PgBouncer, and fails it
 * over again by making the primary's host unreachable on the Redis port. Then it
 * waits for quiet and checks like `npm run chaos`: none lost, none charged twice, none stuck,
 * the ledger check clean, and every worker host finished analyses after the failover.
 * Last line: `cluster: N jobs, H hosts, P partitions, F failovers — lost L, double-charged D, stuck T`;
 * exit 1 unless L, D and T are 0 and every other check holds. Needs root (namespaces, iptables).
 * Every namespace, veth and the bridge are removed at the end, on failure and on Ctrl-C.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { assembleImageLayout, buildStandalone } from "../../scripts/lib/image-layout";
import { seededRandom } from "../stress/seeded-random";
import { ApiClient } from "../support/api-client";
import { configureTestEnv } from "../support/configure-test-env";
import { CONTRACTS_DIR } from "../support/contracts";
import { judgeAnalyses, waitForQuiet } from "../support/durability-verdict";
import {
  createNetwork,
  execInHost,
  type Host,
  heal,
  leftovers,
  PREFIX,
  partition,
  removeNetwork,
} from "./network";
import {
  PORTS,
  startHaproxy,
  startIn,
  startPgBouncer,
  startPostgres,
  startRedis,
  startSentinel,
  waitForTcp,
  writePgBouncerConfig,
} from "./services";

const { values: args } = parseArgs({
  options: {
    jobs: { type: "string", default: "300" },
    users: { type: "string", default: "20" },
    seed: { type: "string" },
  },
});
const jobCount = Number(args.jobs);
const userCount = Number(args.users);
const seed = Number(args.seed ?? Math.floor(Math.random() * 2 ** 31));
const random = seededRandom(seed);
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)}s`;
const say = (line: string) => console.log(`[cluster ${elapsed()}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const LOCK_MS = 4_000;
const PARTITION_MS = 2 * LOCK_MS + 2_000;
const WEB_PORT = 3000;
const MASTER = "cfmaster";
const DATABASE = "clauseflow";
const root = path.resolve(import.meta.dirname, "../..");
const runId = `cluster_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const logDir = path.join(root, "test-results", "logs", runId);

// ---- preconditions and clean-up ------------------------------------------------------------------
if (process.getuid?.() !== 0) {
  console.error("npm run cluster needs root (network namespaces, veth, iptables).");
  process.exit(2);
}
const missing = [
  "/usr/lib/postgresql/15/bin/postgres",
  "/usr/sbin/pgbouncer",
  "/usr/sbin/haproxy",
  "/usr/sbin/iptables",
  "/usr/bin/redis-server",
  "/usr/bin/redis-cli",
].filter((file) => !fs.existsSync(file));
if (missing.length > 0) {
  console.error(
    `missing: ${missing.join(", ")} (Debian: apt-get install -y postgresql-15 pgbouncer haproxy iptables redis-server)`,
  );
  process.exit(2);
}
// No image can be built here (no Docker daemon, no registry), so the hosts run the image's own
// commands on the image's own files: /app laid out from the Dockerfile's COPY lines
// (scripts/lib/image-layout.ts) over a standalone build, made first if there is none.
buildStandalone((line) => say(line));

const staleTemp = fs
  .readdirSync(os.tmpdir())
  .filter((name) => name.startsWith("clauseflow-cluster-"))
  .map((name) => path.join(os.tmpdir(), name));
const leftOver = removeNetwork();
for (const dir of staleTemp) fs.rmSync(dir, { recursive: true, force: true });
if (leftOver.length > 0) say(`removed leftovers of an earlier run: ${leftOver.join(" ")}`);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "clauseflow-cluster-"));
fs.chmodSync(workDir, 0o755); // Postgres and PgBouncer run as `postgres` below it
const image = assembleImageLayout(path.join(workDir, "app"));
const node = (command: string[]) => [process.execPath, ...command.slice(1)] as const;
fs.mkdirSync(logDir, { recursive: true });
let cleanedUp = false;
function cleanUp(): void {
  if (cleanedUp) return;
  cleanedUp = true;
  removeNetwork();
  fs.rmSync(workDir, { recursive: true, force: true });
}
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`[cluster] ${signal}: removing the network and stopping every host`);
    cleanUp();
    process.exit(130);
  });
}
say(`seed=${seed} jobs=${jobCount} users=${userCount} logs=${path.relative(root, logDir)}`);

// ---- the network ----------------------------------------------------------------------------------
const hostList = createNetwork([
  { name: "data", octet: 10 },
  { name: "data2", octet: 11 },
  { name: "lb", octet: 20 },
  { name: "web1", octet: 21 },
  { name: "web2", octet: 22 },
  { name: "work1", octet: 31 },
  { name: "work2", octet: 32 },
  { name: "work3", octet: 33 },
]);
const hosts = Object.fromEntries(hostList.map((h) => [h.name, h])) as Record<string, Host>;
const { data, data2, lb, web1, web2, work1, work2, work3 } = hosts as Record<
  "data" | "data2" | "lb" | "web1" | "web2" | "work1" | "work2" | "work3",
  Host
>;
const workerHosts = [work1, work2, work3];
say(`hosts: ${hostList.map((h) => `${h.name}=${h.address}`).join(" ")}`);

const tally = { partitions: 0, failovers: 0, webKills: 0, pgbouncerRestarts: 0 };
const problems: string[] = [];
let exitCode = 1;
let lastLine = "";

try {
  // ---- data services ------------------------------------------------------------------------------
  await startPostgres(data, workDir, logDir);
  const directUrl = `postgres://postgres@${data.address}:${PORTS.postgres}`;
  const admin = postgres(`${directUrl}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${DATABASE}`);
  await admin.end();
  const pgbouncerIni = writePgBouncerConfig(data, workDir, DATABASE);
  let pgbouncer = await startPgBouncer(data, pgbouncerIni, logDir);
  await startRedis(data, workDir, logDir);
  await startRedis(data2, workDir, logDir, data);
  for (const host of [data, data2, lb]) await startSentinel(host, data, MASTER, workDir, logDir);
  const sentinelList = [data, data2, lb].map((h) => `${h.address}:${PORTS.sentinel}`).join(",");
  await waitForReplicaKnown();
  say("Postgres, PgBouncer, Redis primary + replica and 3 Sentinels are up");

  // The driver reads and checks the database directly (not through the pooler).
  delete process.env.REDIS_URL;
  configureTestEnv({
    DATABASE_URL: `${directUrl}/${DATABASE}`,
    REDIS_SENTINELS: sentinelList,
    REDIS_SENTINEL_MASTER: MASTER,
    QUEUE_PREFIX: "cfcluster",
    LOG_LEVEL: "silent",
  });
  const { createUser } = await import("@/lib/auth/create-user");
  const { sql: rawSql, closeDb } = await import("@/lib/db/client");

  // ---- web and worker hosts -----------------------------------------------------------------------
  const publicUrl = `http://${lb.address}:${PORTS.http}`;
  const appEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    DATABASE_URL: `postgres://postgres@${data.address}:${PORTS.pgbouncer}/${DATABASE}`,
    DATABASE_PREPARED_STATEMENTS: "false",
    DB_POOL_MAX: "8",
    REDIS_SENTINELS: sentinelList,
    REDIS_SENTINEL_MASTER: MASTER,
    QUEUE_PREFIX: "cfcluster",
    NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
    NEXTAUTH_URL: publicUrl,
    // Required in production. Nothing in the cluster run mails (its users are made verified by
    // createUser, not signed up), so nothing needs to listen: a mail would wait in the outbox.
    SMTP_URL: "smtp://127.0.0.1:2525",
    MAIL_FROM: "Clauseflow cluster <no-reply@clauseflow.test>",
    NEXT_TELEMETRY_DISABLED: "1",
    TRUSTED_PROXY_COUNT: "1",
    LOG_LEVEL: "info",
    INSPECT_POOL_SIZE: "1",
    RATE_LIMIT_SIGNIN_IP: "1000000/1m",
    RATE_LIMIT_SIGNUP_IP: "1000000/1m",
    RATE_LIMIT_UPLOAD_USER: "1000000/1m",
    RATE_LIMIT_CONFIRM_USER: "1000000/1m",
    INSPECT_MAX_PER_USER: "8",
    // As in chaos.ts: faults far more often than production sees, with a short lock so that a
    // partition longer than it is quick, and enough attempts that the faults rarely spend them.
    WORKER_LOCK_MS: String(LOCK_MS),
    WORKER_STALLED_INTERVAL_MS: "2000",
    MAINTENANCE_INTERVAL_MS: "1000",
    ANALYSIS_ORPHAN_MS: "6000",
    ANALYSIS_STEP_DELAY_MS: "250",
    JOB_ATTEMPTS: "8",
    WORKER_CONCURRENCY: "3",
  };

  // The release step, as the image runs it: migrate against Postgres itself, not the pooler.
  const [migrateBin, ...migrateArgs] = node(image.commands.migrate);
  const migrate = spawnSync(migrateBin, migrateArgs, {
    cwd: image.dir,
    env: {
      ...appEnv,
      DATABASE_URL: `${directUrl}/${DATABASE}`,
      DATABASE_PREPARED_STATEMENTS: "true",
    },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`migrate failed: ${migrate.stderr}`);
  say("migrations applied by the image's migrate command");

  const startWeb = (host: Host) => {
    const [webBin, ...webArgs] = node(image.commands.web);
    startIn(host, webBin, webArgs, path.join(logDir, `${host.name}.log`), {
      cwd: image.dir,
      // The standalone server listens on HOSTNAME:PORT, as the image's ENV sets them.
      env: { ...appEnv, PORT: String(WEB_PORT), HOSTNAME: host.address },
    });
    return waitForTcp(host.address, WEB_PORT, 120_000);
  };
  const workerPids = new Map<number, string>();
  const startWorker = (host: Host) => {
    const [workerBin, ...workerArgs] = node(image.commands.worker);
    const child = startIn(host, workerBin, workerArgs, path.join(logDir, `${host.name}.log`), {
      cwd: image.dir,
      env: { ...appEnv, CLAUSEFLOW_SERVICE: "worker" },
    });
    if (child.pid) workerPids.set(child.pid, host.name);
    return child;
  };
  await Promise.all([startWeb(web1), startWeb(web2)]);
  for (const host of workerHosts) startWorker(host);
  await startHaproxy(lb, [web1, web2], WEB_PORT, workDir, logDir);
  await waitForHttpOk(`${publicUrl}/api/ping`, 60_000);
  say(`web1, web2 behind HAProxy at ${publicUrl}; workers on work1..3`);

  // ---- users ----------------------------------------------------------------------------------------
  type User = { client: ApiClient; email: string };
  const users: User[] = [];
  for (let first = 0; first < userCount; first += 4) {
    const batch = Array.from({ length: Math.min(4, userCount - first) }, (_, k) => first + k);
    await Promise.all(
      batch.map(async (i) => {
        const email = `cluster-${i}-${runId}@example.com`;
        const password = "cluster password";
        await createUser({ email, password, grantCredits: 1_000_000 });
        const client = new ApiClient(publicUrl);
        await retry(`sign in ${email}`, () => client.signIn(email, password));
        users.push({ client, email });
      }),
    );
  }
  say(`${users.length} users signed in through the balancer`);

  // ---- traffic: uploads + confirms through the balancer, and status polling ----------------------
  const files = ["txt", "pdf"].flatMap((kind) =>
    fs
      .readdirSync(path.join(CONTRACTS_DIR, kind))
      .map((f) => ({ file: path.join(CONTRACTS_DIR, kind, f), kind })),
  );
  const smallPdfs = files
    .filter((f) => f.kind === "pdf")
    .sort((a, b) => fs.statSync(a.file).size - fs.statSync(b.file).size)
    .slice(0, 8);
  const textFiles = files.filter((f) => f.kind === "txt");
  type Submitted = { id: string; user: User; submittedAt: number };
  const submitted: Submitted[] = [];
  const active = new Set<string>();
  const counters = { httpRetries: 0, pollErrors: 0, polls: 0, submitFailures: 0 };

  async function submitOne(): Promise<void> {
    const user = random.pick(users);
    const pick = random.chance(0.25) ? random.pick(smallPdfs) : random.pick(textFiles);
    const bytes = new Uint8Array(fs.readFileSync(pick.file));
    const type = pick.kind === "pdf" ? "application/pdf" : "text/plain";
    // An upload retried after a lost answer may store the document twice: harmless, it is the
    // confirm (idempotency key) that holds credits.
    const uploaded = await retryHttp("upload", () =>
      user.client.upload(bytes, path.basename(pick.file), type),
    );
    if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}`);
    const { document } = (await uploaded.json()) as { document: { id: string } };
    const idempotencyKey = `cluster-${randomUUID()}`;
    const confirmed = await retryHttp("confirm", () =>
      user.client.request("POST", "/api/analyses", {
        // The same samples are uploaded many times: each confirm is a deliberate re-run.
        json: { documentId: document.id, idempotencyKey, rerun: true, acknowledgeWarning: true },
      }),
    );
    if (confirmed.status < 200 || confirmed.status > 202)
      throw new Error(`confirm answered ${confirmed.status}: ${await confirmed.text()}`);
    const { analysis } = (await confirmed.json()) as { analysis: { id: string; status: string } };
    submitted.push({ id: analysis.id, user, submittedAt: Date.now() });
    active.add(analysis.id);
  }

  let trafficOn = true;
  let quietDeadline = Number.POSITIVE_INFINITY;
  const owners = new Map<string, User>();
  const pollLoop = (async () => {
    while (trafficOn || active.size > 0) {
      await sleep(1_000);
      for (const s of submitted) owners.set(s.id, s.user);
      const batch = [...active].slice(0, 15);
      await Promise.all(
        batch.map(async (id) => {
          counters.polls++;
          try {
            const response = await owners.get(id)!.client.request("GET", `/api/analyses/${id}`);
            if (response.status !== 200) {
              counters.pollErrors++;
              return;
            }
            const { analysis } = (await response.json()) as { analysis: { status: string } };
            if (["succeeded", "failed", "cancelled", "expired"].includes(analysis.status)) {
              active.delete(id);
            } else {
              // Rotate: the next batch starts with others.
              active.delete(id);
              active.add(id);
            }
          } catch {
            counters.pollErrors++;
          }
        }),
      );
      if (!trafficOn && Date.now() > quietDeadline) break;
    }
  })();

  // ---- faults ----------------------------------------------------------------------------------------
  let failoverAt = 0;
  let cutPrimary: Host | undefined;
  const faults = (async () => {
    await sleep(5_000);
    const cuts: [Host, { ports: number[] } | "everything", string][] = [
      [work1, { ports: [PORTS.redis, PORTS.sentinel] }, "Redis"],
      [work2, { ports: [PORTS.pgbouncer, PORTS.postgres] }, "Postgres"],
      [work3, "everything", "everything"],
    ];
    for (const [host, what, label] of cuts) {
      // Cut while the host runs analyses, so the partition catches attempts in flight.
      let running = 0;
      for (const until = Date.now() + 15_000; Date.now() < until; await sleep(250)) {
        running = await runningOn(host);
        if (running > 0) break;
      }
      partition(host, what);
      tally.partitions++;
      say(
        `partition: ${host.name} cut off from ${label} for ${PARTITION_MS / 1000}s, while running ${running} analyses`,
      );
      await sleep(PARTITION_MS);
      heal(host);
      say(`healed ${host.name}`);
      await sleep(3_000);
    }

    // A web host dies: every process in its namespace, at once.
    for (const pid of execFileSync("ip", ["netns", "pids", web1.ns], { encoding: "utf8" }).split(
      "\n",
    )) {
      if (Number(pid) > 0) process.kill(Number(pid), "SIGKILL");
    }
    tally.webKills++;
    say("killed web1 (every process on the host); traffic goes on through web2");
    await sleep(10_000);
    say("starting web1 again");
    void startWeb(web1).then(
      () => say("web1 is back"),
      (e: Error) => problems.push(`web1 did not come back: ${e.message}`),
    );

    await sleep(3_000);
    const before = masterAddress();
    redisCli(data, PORTS.sentinel, ["SENTINEL", "FAILOVER", MASTER]);
    const deadline = Date.now() + 30_000;
    while (masterAddress() === before && Date.now() < deadline) await sleep(250);
    const after = masterAddress();
    if (after === before) problems.push(`Sentinel failover did not happen (master ${before})`);
    else {
      tally.failovers++;
      failoverAt = Date.now();
      say(`Sentinel failover: master ${before} → ${after}`);
    }

    await sleep(5_000);
    pgbouncer.kill("SIGTERM");
    await new Promise((r) => pgbouncer.once("exit", r));
    await sleep(1_000);
    pgbouncer = await startPgBouncer(data, pgbouncerIni, logDir);
    tally.pgbouncerRestarts++;
    say("restarted PgBouncer");

    // A second failover, the hard way: the primary's host stops answering on the Redis port
    // (packets from other hosts dropped: connections to it hang, nothing closes them). The
    // Sentinels that lose it elect the replica; clients learn of it only from the Sentinels
    // (+switch-master). It stays cut off while the last submissions run, then heals.
    await sleep(3_000);
    const primary = hostList.find((h) => h.address === masterAddress());
    if (!primary) {
      problems.push("no Sentinel named a primary before the second failover");
      return;
    }
    execInHost(primary, "iptables", [
      "-A",
      "INPUT",
      "-i",
      "eth0",
      "-p",
      "tcp",
      "--dport",
      String(PORTS.redis),
      "-j",
      "DROP",
    ]);
    cutPrimary = primary;
    tally.partitions++;
    say(`partition: ${primary.name}, the Redis primary, unreachable from other hosts`);
    const until = Date.now() + 45_000;
    while (masterAddress() === primary.address && Date.now() < until) await sleep(250);
    const elected = masterAddress();
    if (elected === primary.address) {
      problems.push(`the Sentinels did not replace the unreachable primary ${primary.address}`);
    } else {
      tally.failovers++;
      failoverAt = Date.now();
      say(`Sentinel failover: master ${primary.address} (unreachable) → ${elected}`);
    }
  })();

  // Four fifths of the submissions are spread over the fault sequence (~100–130 s), a few at a
  // time; the last fifth goes after it (after the failover and the pooler restart), over 20 s,
  // so that the web enqueues and every worker consumes on the new primary without a restart.
  async function submitPaced(count: number, spanMs: number): Promise<void> {
    let done = 0;
    const start = Date.now();
    while (done < count) {
      const batch = Math.min(count - done, random.int(1, 4));
      const results = await Promise.allSettled(Array.from({ length: batch }, () => submitOne()));
      for (const r of results) {
        if (r.status === "rejected") {
          counters.submitFailures++;
          problems.push(`submission failed: ${(r.reason as Error).message}`);
        }
      }
      done += batch;
      await sleep(Math.max(0, start + (done / count) * spanMs - Date.now()));
    }
  }
  const afterCount = Math.max(1, Math.round(jobCount / 5));
  await submitPaced(jobCount - afterCount, Math.max(100_000, jobCount * 350));
  say(`submitted ${submitted.length} analyses during the faults; waiting for the sequence to end`);
  await faults;
  const firstAfterFaults = submitted.length;
  await submitPaced(afterCount, 20_000);
  if (cutPrimary) {
    heal(cutPrimary);
    say(`healed ${cutPrimary.name}; the Sentinels turn it into a replica`);
  }
  say(`submitted ${submitted.length} analyses in all`);

  // ---- wait for quiet ----------------------------------------------------------------------------------
  const boundMs = 120_000 + jobCount * 400;
  quietDeadline = Date.now() + boundMs;
  trafficOn = false;
  const ids = submitted.map((s) => s.id);
  const stillActive = await waitForQuiet(rawSql, ids, boundMs);
  await pollLoop;
  say(`quiet: ${stillActive} still active (bound ${boundMs / 1000}s)`);

  // ---- verdict -------------------------------------------------------------------------------------------
  const verdict = await judgeAnalyses(rawSql, ids, (memo) => (memo?.length ?? 0) > 200);
  const { rows, lost, doubleCharged, stuck } = verdict;
  problems.push(...verdict.problems);
  const outcomes: Record<string, number> = {};
  for (const row of rows) outcomes[row.status] = (outcomes[row.status] ?? 0) + 1;
  // And `npm run ledger:check` itself, as an operator would run it against this database.
  const ledgerCheck = spawnSync(process.execPath, ["--import", "tsx", "scripts/ledger-check.ts"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "silent" },
    encoding: "utf8",
  });
  say(`ledger:check exit ${ledgerCheck.status}: ${ledgerCheck.stdout.trim().split("\n").at(-1)}`);
  if (ledgerCheck.status !== 0) problems.push(`ledger:check failed: ${ledgerCheck.stdout.trim()}`);

  // Every worker host, each partitioned once, finished analyses after the Redis failover.
  const afterFailover: Record<string, number> = Object.fromEntries(
    workerHosts.map((h) => [h.name, 0]),
  );
  for (const row of rows) {
    if (String(row.status) !== "succeeded" || !row.finished_at) continue;
    if (!failoverAt || new Date(row.finished_at as Date).getTime() < failoverAt) continue;
    const pid = Number(String(row.worker_id ?? "").split(":")[1]);
    const host = workerPids.get(pid);
    if (host) afterFailover[host] = (afterFailover[host] ?? 0) + 1;
  }
  const finishedAfterFailover = Object.values(afterFailover).reduce((a, b) => a + b, 0);
  say(`succeeded after the failover, by worker host: ${JSON.stringify(afterFailover)}`);
  if (finishedAfterFailover >= 12) {
    for (const [host, n] of Object.entries(afterFailover))
      if (n === 0) problems.push(`${host} finished nothing after the Sentinel failover`);
  } else {
    say(`(only ${finishedAfterFailover} finished after the failover: too few to demand all hosts)`);
  }
  // The web enqueued everything confirmed after the faults itself, on the new primary, without
  // a restart (a failed enqueue is recorded; the relay would then have done it).
  const enqueueFailures = await rawSql`
    select analysis_id from analysis_events
    where analysis_id = any(${ids}) and type = 'enqueue_failed' group by analysis_id`;
  // (Those confirmed in the first seconds after it may meet the producer still reconnecting:
  // it fails fast by design and the relay takes over.)
  const lateIds = new Set(
    submitted
      .slice(firstAfterFaults)
      .filter((s) => failoverAt && s.submittedAt > failoverAt + 5_000)
      .map((s) => s.id),
  );
  const lateFailures = enqueueFailures.filter((r) => lateIds.has(String(r.analysis_id))).length;
  say(
    `the web could not enqueue ${enqueueFailures.length} analyses at confirm (the relay did); 5 s or more after the last failover: ${lateFailures} of ${lateIds.size}`,
  );
  if (lateFailures > 0)
    problems.push(
      `${lateFailures} analyses confirmed after the failover were not enqueued by the web`,
    );
  const reclaimed = rows.filter((r) => Number(r.attempt) > 1).length;
  const fencedLines = workerHosts.map((h) => {
    const text = fs.readFileSync(path.join(logDir, `${h.name}.log`), "utf8");
    return `${h.name}=${(text.match(/attempt fenced out/g) ?? []).length}`;
  });

  say(`outcomes: ${JSON.stringify(outcomes)}`);
  say(
    `${reclaimed} analyses needed more than one attempt; stale attempts fenced out (log lines): ${fencedLines.join(" ")}`,
  );
  say(
    `faults: ${tally.partitions} partitions, ${tally.webKills} web host killed, ${tally.failovers} Sentinel failovers, ${tally.pgbouncerRestarts} PgBouncer restarts`,
  );
  say(
    `HTTP: ${counters.httpRetries} retried requests, ${counters.polls} polls (${counters.pollErrors} failed)`,
  );
  say(verdict.ledgerSummary);
  for (const p of problems.slice(0, 30)) say(`PROBLEM ${p}`);
  await closeDb();

  lastLine = `cluster: ${submitted.length} jobs, ${hostList.length} hosts, ${tally.partitions} partitions, ${tally.failovers} failovers — lost ${lost}, double-charged ${doubleCharged}, stuck ${stuck}`;
  exitCode =
    lost === 0 &&
    doubleCharged === 0 &&
    stuck === 0 &&
    problems.length === 0 &&
    submitted.length === jobCount
      ? 0
      : 1;

  async function runningOn(host: Host): Promise<number> {
    const running = await rawSql`select worker_id from analyses where status = 'running'`;
    return running.filter(
      (r) => workerPids.get(Number(String(r.worker_id ?? "").split(":")[1])) === host.name,
    ).length;
  }

  // ---- helpers that need the run's state ---------------------------------------------------------------
  async function retryHttp(what: string, send: () => Promise<Response>): Promise<Response> {
    const deadline = Date.now() + 90_000;
    for (let attempt = 1; ; attempt++) {
      let failure: string;
      try {
        const response = await send();
        // 5xx: a web host died mid-request, or the pooler restarted under it; 429/503 with
        // Retry-After: the upload readers are busy. Everything retried is safe to repeat.
        if (response.status < 500 && response.status !== 429) return response;
        failure = `${response.status} ${(await response.text()).slice(0, 200)}`;
      } catch (error) {
        failure = (error as Error).message;
      }
      if (Date.now() > deadline)
        throw new Error(`${what}: gave up after ${attempt} tries: ${failure}`);
      counters.httpRetries++;
      await sleep(Math.min(250 * attempt, 2_000));
    }
  }
} catch (error) {
  problems.push(`run aborted: ${(error as Error).stack ?? error}`);
  console.error(error);
} finally {
  cleanUp();
  const left = leftovers();
  if (left.length > 0) {
    problems.push(`left behind: ${left.join(" ")}`);
    exitCode = 1;
  }
  say(
    `removed every ${PREFIX}* namespace, veth and the bridge${left.length ? ` — NOT: ${left.join(" ")}` : ""}`,
  );
}

console.log(lastLine || `cluster: aborted — ${problems[0] ?? "unknown error"}`);
process.exit(exitCode);

// ---- helpers ----------------------------------------------------------------------------------------------
function redisCli(host: Host, port: number, command: string[]): string {
  return execFileSync("redis-cli", ["-h", host.address, "-p", String(port), ...command], {
    encoding: "utf8",
    timeout: 5_000,
  }).trim();
}

function masterAddress(): string {
  // Any sentinel that answers; the one on `data` first.
  for (const host of [hosts.data!, hosts.data2!, hosts.lb!]) {
    try {
      const reply = redisCli(host, PORTS.sentinel, ["SENTINEL", "get-master-addr-by-name", MASTER]);
      const [address] = reply.split("\n");
      if (address) return address;
    } catch {
      // try the next sentinel
    }
  }
  return "";
}

async function waitForReplicaKnown(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const replicas = redisCli(hosts.data!, PORTS.sentinel, ["SENTINEL", "replicas", MASTER]);
    const sentinels = redisCli(hosts.data!, PORTS.sentinel, ["SENTINEL", "sentinels", MASTER]);
    const linkUp = /master-link-status\nok/.test(replicas);
    const peers = (sentinels.match(/^name$/gm) ?? []).length;
    if (linkUp && peers >= 2) return;
    await sleep(500);
  }
  throw new Error("Sentinel did not see the replica in sync and its 2 peers within 60 s");
}

async function waitForHttpOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(500);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

async function retry<T>(what: string, fn: () => Promise<T>, tries = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= tries) throw new Error(`${what}: ${(error as Error).message}`);
      await sleep(500 * attempt);
    }
  }
}
