/**
 * `npm run chaos -- [--jobs N] [--workers K] [--seed S]` — durability under failure.
 *
 * Its own Postgres database, its own Redis on a private port (AOF) and K real worker processes.
 * Submits N analyses from several users (some built to fail, some cancelled while running) while
 * it SIGKILLs random workers and starts replacements, SIGKILLs Redis and restarts it on the same
 * data, and SIGSTOPs a worker for longer than the lock before SIGCONT. Then it waits for quiet and
 * checks: every analysis terminal within the bound, none lost, each success captured exactly once
 * with a complete memo, failures and cancels released, no open hold, the ledger check clean.
 * Last line: `chaos: N jobs, K kills, R redis restarts, S stalls — lost L, double-charged D, stuck T`;
 * exit 1 unless L, D and T are 0 and every other check holds.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startRedisProcess, stopChild, waitForPort } from "../../scripts/lib/local-services";
import { seededRandom } from "../stress/seeded-random";
import { configureTestEnv } from "../support/configure-test-env";
import { CONTRACTS_DIR } from "../support/contracts";
import { judgeAnalyses, waitForQuiet } from "../support/durability-verdict";
import { createTestDatabase, newRunId } from "../support/test-stack";

const { values: args } = parseArgs({
  options: {
    jobs: { type: "string", default: "40" },
    workers: { type: "string", default: "3" },
    seed: { type: "string" },
  },
});
const jobCount = Number(args.jobs);
const workerCount = Number(args.workers);
const seed = Number(args.seed ?? Math.floor(Math.random() * 2 ** 31));
const random = seededRandom(seed);
const say = (line: string) => console.log(`[chaos] ${line}`);
say(`seed=${seed} jobs=${jobCount} workers=${workerCount}`);

const LOCK_MS = 4_000;
const root = path.resolve(import.meta.dirname, "../..");
const runId = newRunId("chaos");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "clauseflow-chaos-"));
const logDir = path.join(root, "test-results", "logs", runId);
fs.mkdirSync(logDir, { recursive: true });

// ---- world: database, private Redis with AOF, workers -------------------------------------------
const database = await createTestDatabase(runId);
const redisPort = 20_000 + random.int(0, 9_999);
const redisDir = path.join(workDir, "redis");
fs.mkdirSync(redisDir);
let redis = startRedisProcess({ port: redisPort, dir: redisDir, appendOnly: true });
await waitForPort(redisPort, 10_000);
const redisUrl = `redis://127.0.0.1:${redisPort}`;
const queuePrefix = `cfchaos-${runId}`;

configureTestEnv({
  DATABASE_URL: database.databaseUrl,
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: queuePrefix,
  LOG_LEVEL: "silent",
});
const workerEnv: NodeJS.ProcessEnv = {
  ...process.env,
  CLAUSEFLOW_SERVICE: "worker",
  LOG_LEVEL: "info",
  WORKER_CONCURRENCY: "3",
  WORKER_LOCK_MS: String(LOCK_MS),
  WORKER_STALLED_INTERVAL_MS: "2000",
  MAINTENANCE_INTERVAL_MS: "1000",
  ANALYSIS_ORPHAN_MS: "6000",
  ANALYSIS_STEP_DELAY_MS: "150",
  // Chaos kills far more often than production ever sees; a generous budget keeps the focus on
  // "never lost, never double-charged" while failures from spent attempts are still counted.
  JOB_ATTEMPTS: "8",
};

const { createUser } = await import("@/lib/auth/create-user");
const { db, sql: rawSql, closeDb } = await import("@/lib/db/client");
const schema = await import("@/lib/db/schema");
const { storeUploadedDocument } = await import("@/lib/documents/store-uploaded-document");
const { confirmAnalysis } = await import("@/lib/analyses/confirm-analysis");
const { cancelAnalysis } = await import("@/lib/analyses/cancel-analysis");
const { closeAnalysisQueue } = await import("@/lib/jobs/analysis-queue");
const { eq } = await import("drizzle-orm");

const workers = new Set<ChildProcess>();
let workerSerial = 0;
function startWorker(): ChildProcess {
  const n = ++workerSerial;
  const out = fs.createWriteStream(path.join(logDir, `worker-${n}.log`));
  const child = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], {
    cwd: root,
    env: workerEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  workers.add(child);
  child.once("exit", () => workers.delete(child));
  return child;
}
for (let i = 0; i < workerCount; i++) startWorker();

// ---- submissions ------------------------------------------------------------------------------------
type Plan = "succeed" | "fail" | "cancel";
type Submitted = { id: string; userId: string; plan: Plan; whileRedisDown: boolean };
const submitted: Submitted[] = [];
const problems: string[] = [];
const textContracts = fs
  .readdirSync(path.join(CONTRACTS_DIR, "txt"))
  .map((f) => path.join(CONTRACTS_DIR, "txt", f));
const pdfContracts = fs
  .readdirSync(path.join(CONTRACTS_DIR, "pdf"))
  .map((f) => path.join(CONTRACTS_DIR, "pdf", f));
const users = await Promise.all(
  Array.from({ length: 4 }, (_, i) =>
    createUser({
      email: `chaos-${i}-${runId}@example.com`,
      password: "chaos password",
      grantCredits: 1_000_000,
    }),
  ),
);

let redisDown = false;
let budget = jobCount;

async function submitOne(forced?: Plan): Promise<void> {
  if (budget <= 0) return;
  budget--;
  const user = random.pick(users);
  const roll = random.next();
  const plan: Plan = forced ?? (roll < 0.1 ? "fail" : roll < 0.2 ? "cancel" : "succeed");
  // Only submissions made from inside the outage are sure to run entirely while Redis is down
  // (the restart waits for them); others may finish after it is back.
  const whileRedisDown = forced !== undefined && redisDown;
  // Built-to-fail jobs are PDFs whose stored bytes get corrupted (corrupt "text" would still read).
  const file =
    plan === "fail" || random.chance(0.2) ? random.pick(pdfContracts) : random.pick(textContracts);
  // Like a real client: retry a request that died with its connection, reusing the confirm's
  // idempotency key, so a retried confirm can never create a second analysis or hold.
  const idempotencyKey = `chaos-${randomUUID()}`;
  const { document } = await retryOnConnectionLoss(() =>
    storeUploadedDocument({
      userId: user.userId,
      originalName: path.basename(file),
      bytes: new Uint8Array(fs.readFileSync(file)),
    }),
  );
  if (plan === "fail") {
    await retryOnConnectionLoss(() =>
      db
        .update(schema.documentBlobs)
        .set({ bytes: Buffer.from("%PDF-1.7\ncorrupted in storage") })
        .where(eq(schema.documentBlobs.documentId, document.id)),
    );
  }
  const { analysis } = await retryOnConnectionLoss(() =>
    confirmAnalysis({
      userId: user.userId,
      documentId: document.id,
      idempotencyKey,
      // The run uploads the same sample contracts many times: each is a deliberate re-run.
      rerun: true,
      acknowledgeWarning: true,
    }),
  );
  if (whileRedisDown && analysis.status !== "queued") {
    problems.push(`${analysis.id}: confirmed while Redis was down but answered ${analysis.status}`);
  }
  submitted.push({ id: analysis.id, userId: user.userId, plan, whileRedisDown });
  if (plan === "cancel") void cancelWhenRunning(analysis.id, user.userId);
}

async function retryOnConnectionLoss<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const text = `${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? "")}`;
      if (attempt >= 5 || !/CONNECTION|terminat|ECONNRESET|closed/i.test(text)) throw error;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

async function cancelWhenRunning(id: string, userId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const [row] = await rawSql`select status, step_index from analyses where id = ${id}`.catch(
      () => [],
    );
    if (row?.status === "running" && Number(row.step_index) >= 2) break;
    if (row && ["succeeded", "failed", "cancelled"].includes(String(row.status))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  await cancelAnalysis({ userId, analysisId: id }).catch(() => {});
}

// ---- chaos ----------------------------------------------------------------------------------------------
const tally = { kills: 0, redisRestarts: 0, stalls: 0, postgresDrops: 0 };

/** What the apps see when Postgres restarts: every connection to the database dies at once. */
async function dropPostgresConnections() {
  await rawSql`select pg_terminate_backend(pid) from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`.catch(() => {});
  tally.postgresDrops++;
}
let chaosOn = true;

async function killRandomWorker() {
  const victim = random.pick([...workers]);
  if (!victim) return;
  victim.kill("SIGKILL");
  tally.kills++;
  startWorker();
}

async function restartRedis() {
  redis.kill("SIGKILL");
  await new Promise((r) => redis.once("exit", r));
  redisDown = true;
  // Confirms while Redis is down must still succeed: the analysis waits as `queued` in Postgres.
  const downSubmissions = await Promise.allSettled([submitOne("succeed"), submitOne("succeed")]);
  for (const r of downSubmissions) {
    if (r.status === "rejected")
      problems.push(`confirm while Redis was down threw: ${(r.reason as Error).message}`);
  }
  await new Promise((r) => setTimeout(r, random.int(500, 2_000)));
  redisDown = false;
  redis = startRedisProcess({ port: redisPort, dir: redisDir, appendOnly: true });
  await waitForPort(redisPort, 10_000);
  tally.redisRestarts++;
}

async function stallWorker() {
  const victim = random.pick([...workers]);
  if (!victim?.pid) return;
  process.kill(victim.pid, "SIGSTOP");
  await new Promise((r) => setTimeout(r, LOCK_MS + 3_000));
  if (victim.exitCode === null) process.kill(victim.pid, "SIGCONT");
  tally.stalls++;
}

const chaosLoop = (async () => {
  let next = 0;
  while (chaosOn) {
    await new Promise((r) => setTimeout(r, random.int(1_000, 2_500)));
    if (!chaosOn) break;
    const step = next++ % 7;
    if (step === 2) await restartRedis();
    else if (step === 4) await stallWorker();
    else if (step === 6) await dropPostgresConnections();
    else await killRandomWorker();
  }
})();

// Submissions are spread over the chaos period, a few at a time.
const started = Date.now();
const submitDurationMs = Math.max(10_000, jobCount * 60);
let remaining = jobCount;
while (remaining > 0) {
  const batch = Math.min(remaining, random.int(1, 4));
  const results = await Promise.allSettled(Array.from({ length: batch }, () => submitOne()));
  for (const r of results)
    if (r.status === "rejected") say(`submission failed: ${(r.reason as Error).message}`);
  remaining -= batch;
  await new Promise((r) => setTimeout(r, submitDurationMs / Math.max(1, jobCount / batch)));
}
say(
  `submitted ${submitted.length} analyses in ${((Date.now() - started) / 1000).toFixed(1)}s; chaos continues briefly`,
);
await new Promise((r) => setTimeout(r, 8_000));
chaosOn = false;
await chaosLoop;

// ---- wait for quiet ------------------------------------------------------------------------------------
const boundMs = 120_000 + jobCount * 400;
const ids = submitted.map((s) => s.id);
const active = await waitForQuiet(rawSql, ids, boundMs);
say(
  `quiet after ${((Date.now() - started) / 1000).toFixed(1)}s (bound ${boundMs / 1000}s), ${active} still active`,
);

// ---- verdict --------------------------------------------------------------------------------------------
const verdict = await judgeAnalyses(rawSql, ids, (memo) => memo?.includes("ASC 606") ?? false);
const { lost, doubleCharged, stuck } = verdict;
problems.push(...verdict.problems);
const outcomes: Record<string, number> = {};
for (const s of submitted) {
  const status = verdict.byId.get(s.id)?.status;
  if (!status) continue;
  outcomes[`${s.plan}→${status}`] = (outcomes[`${s.plan}→${status}`] ?? 0) + 1;
  if (s.plan === "fail" && status === "succeeded")
    problems.push(`${s.id}: built to fail but succeeded`);
}

say(`outcomes (plan→status): ${JSON.stringify(outcomes)}`);
say(
  `${submitted.filter((s) => s.whileRedisDown).length} confirmed while Redis was down; Postgres connections dropped ${tally.postgresDrops} times`,
);
say(verdict.ledgerSummary);
for (const p of problems.slice(0, 30)) say(`PROBLEM ${p}`);
say(`worker logs: ${path.relative(root, logDir)}`);

// ---- teardown --------------------------------------------------------------------------------------------
await Promise.all([...workers].map((w) => stopChild(w, 10_000)));
await closeAnalysisQueue();
await closeDb();
await stopChild(redis);
await database.drop();
fs.rmSync(workDir, { recursive: true, force: true });

console.log(
  `chaos: ${submitted.length} jobs, ${tally.kills} kills, ${tally.redisRestarts} redis restarts, ${tally.stalls} stalls — lost ${lost}, double-charged ${doubleCharged}, stuck ${stuck}`,
);
process.exit(
  lost === 0 &&
    doubleCharged === 0 &&
    stuck === 0 &&
    problems.length === 0 &&
    submitted.length === jobCount
    ? 0
    : 1,
);
