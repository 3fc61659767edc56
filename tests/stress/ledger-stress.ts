/**
 * Randomized concurrency proof of the credit ledger (issue: billing-safe ledger).
 *
 * Many users × many concurrent operations against real Postgres through the real domain
 * functions: confirms with fresh and repeated idempotency keys, bursts of duplicate clicks,
 * cancels while quoted/queued/running, worker successes and failures (some from attempts a newer
 * attempt superseded), duplicate captures and releases, reaping — while a killer terminates
 * random Postgres connections mid-transaction (a crash between the steps of a settlement).
 * Afterwards: the ledger check is clean, and every user's totals equal the test's own model.
 *
 *   npm run stress:ledger -- [--seed N] [--users N] [--ops N] [--concurrency N]
 *
 * Prints the seed first; the last line is the ledger summary. Exits 1 on any failure.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { configureTestEnv } from "../support/configure-test-env";
import {
  createTestDatabase,
  deleteQueueKeys,
  newRunId,
  resolveRedisUrl,
} from "../support/test-stack";
import { seededRandom } from "./seeded-random";

const { values: args } = parseArgs({
  options: {
    seed: { type: "string" },
    users: { type: "string", default: "12" },
    ops: { type: "string", default: "600" },
    concurrency: { type: "string", default: "8" },
  },
});
const seed = Number(args.seed ?? Math.floor(Math.random() * 2 ** 31));
const userCount = Number(args.users);
const opCount = Number(args.ops);
const concurrency = Number(args.concurrency);
console.log(
  `ledger-stress: seed=${seed} users=${userCount} ops=${opCount} concurrency=${concurrency}`,
);

const runId = newRunId("stress");
const database = await createTestDatabase(runId);
const redisUrl = await resolveRedisUrl();
const queuePrefix = `cftest-${runId}`;
// The domain modules read their configuration at import: point them at this run's world first.
configureTestEnv({
  DATABASE_URL: database.databaseUrl,
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: queuePrefix,
  LOG_LEVEL: "silent",
  DB_POOL_MAX: String(concurrency * 2 + 4),
});

const { createUser } = await import("@/lib/auth/create-user");
const { priceForPages } = await import("@/lib/billing/price-document");
const { settleHold } = await import("@/lib/billing/settle-hold");
const { checkLedger, formatLedgerSummary } = await import("@/lib/billing/check-ledger");
const { db, closeDb } = await import("@/lib/db/client");
const schema = await import("@/lib/db/schema");
const { confirmAnalysis } = await import("@/lib/analyses/confirm-analysis");
const { cancelAnalysis } = await import("@/lib/analyses/cancel-analysis");
const { startAttempt, completeAttempt, endAnalysisUnpaid } = await import(
  "@/lib/jobs/analysis-attempt"
);
const { closeAnalysisQueue } = await import("@/lib/jobs/analysis-queue");
const { AppError } = await import("@/lib/errors");

type Status = (typeof schema.analysisStatus.enumValues)[number];
type ModelAnalysis = {
  id: string;
  userId: string;
  price: number;
  status: Status;
  uncertain: boolean;
};
type ModelUser = {
  id: string;
  granted: number;
  docs: { id: string; pages: number; keys: string[] }[];
};

const random = seededRandom(seed);
// The killer draws from its own stream so the operations chosen depend only on the seed. (Which
// operation overlaps which still depends on timing: concurrency cannot be replayed exactly.)
const killerRandom = seededRandom(seed ^ 0x5bd1e995);
const failures: string[] = [];
const fail = (message: string) => {
  if (failures.length < 50) failures.push(message);
};
const counts = {
  ops: 0,
  ok: 0,
  refused402: 0,
  crashed: 0,
  kills: 0,
  fenced: 0,
  duplicateSettlesRefused: 0,
};

/** Errors a killed connection produces (possibly wrapped by drizzle); anything else is a bug. */
const isCrash = (error: unknown): boolean => {
  const e = error as { code?: string; message?: string; cause?: unknown };
  if (!e) return false;
  const connectionCodes = [
    "57P01",
    "CONNECTION_CLOSED",
    "CONNECTION_DESTROYED",
    "CONNECTION_ENDED",
    "ECONNRESET",
    "EPIPE",
  ];
  if (e.code && connectionCodes.includes(e.code)) return true;
  if (
    /terminating connection|connection closed|Connection closed during transaction/i.test(
      e.message ?? "",
    )
  )
    return true;
  return e.cause !== undefined && isCrash(e.cause);
};

// ---- world ---------------------------------------------------------------------------------
const users: ModelUser[] = [];
for (let i = 0; i < userCount; i++) {
  const granted = random.int(5, 60);
  const { userId } = await createUser({
    email: `stress-${i}-${randomUUID()}@example.com`,
    password: "stress password",
    grantCredits: granted,
  });
  const docs: ModelUser["docs"] = [];
  for (let d = 0; d < 4; d++) {
    const pages = random.int(1, 80);
    const [doc] = await db
      .insert(schema.documents)
      .values({
        userId,
        filename: `doc-${d}.pdf`,
        kind: "pdf",
        mimeType: "application/pdf",
        sizeBytes: 1000,
        sha256: "0".repeat(64),
        pageCount: pages,
        wordCount: pages * 400,
      })
      .returning({ id: schema.documents.id });
    docs.push({ id: doc!.id, pages, keys: [] });
  }
  users.push({ id: userId, granted, docs });
}
const model = new Map<string, ModelAnalysis>();
const keyToAnalysis = new Map<string, string>();

const note = (id: string, userId: string, price: number, status: Status) => {
  const known = model.get(id);
  if (!known) model.set(id, { id, userId, price, status, uncertain: false });
  else if (known.status === "queued" || known.status === "running" || known.status === "quoted")
    known.status = status;
};
const markUncertain = (id: string | undefined) => {
  const known = id ? model.get(id) : undefined;
  if (known) known.uncertain = true;
};

// ---- operations ------------------------------------------------------------------------------
async function opConfirm(user: ModelUser) {
  const doc = random.pick(user.docs);
  const burst = random.chance(0.25) ? random.int(2, 5) : 1;
  const keys = Array.from({ length: burst }, () =>
    doc.keys.length > 0 && random.chance(0.3) ? random.pick(doc.keys) : randomUUID(),
  );
  const price = priceForPages(doc.pages);
  await Promise.all(
    keys.map(async (key) => {
      try {
        const result = await confirmAnalysis({
          userId: user.id,
          documentId: doc.id,
          idempotencyKey: key,
          // The same document is confirmed again and again on purpose (retries, re-runs).
          rerun: true,
          acknowledgeWarning: true,
        });
        counts.ok++;
        const id = result.analysis.id;
        if (result.analysis.priceCredits !== price)
          fail(`analysis ${id} priced ${result.analysis.priceCredits}, model says ${price}`);
        const earlier = keyToAnalysis.get(key);
        if (earlier && earlier !== id) fail(`key ${key} answered ${id} after ${earlier}`);
        keyToAnalysis.set(key, id);
        doc.keys.push(key);
        note(id, user.id, price, "queued");
      } catch (error) {
        if (error instanceof AppError && error.code === "insufficient_credits") {
          counts.refused402++;
          const d = error.details as { price: number; available: number; missing: number };
          if (d.price !== price || d.missing !== price - d.available || d.missing <= 0) {
            fail(`bad 402 details ${JSON.stringify(d)} for price ${price}`);
          }
          return;
        }
        if (isCrash(error)) {
          counts.crashed++;
          // The commit may or may not have happened; the analysis (if any) is resolved from its row.
          return;
        }
        fail(`confirm threw ${(error as Error).message}`);
      }
    }),
  );
}

function pickAnalysis(user: ModelUser, statuses: Status[]): ModelAnalysis | undefined {
  const mine = [...model.values()].filter(
    (a) => a.userId === user.id && statuses.includes(a.status),
  );
  return mine.length > 0 ? random.pick(mine) : undefined;
}

async function opCancel(user: ModelUser) {
  const target = pickAnalysis(user, ["queued", "running", "succeeded", "failed", "cancelled"]);
  if (!target) return;
  try {
    const { analysis: view } = await cancelAnalysis({ userId: user.id, analysisId: target.id });
    counts.ok++;
    if (view.status === "cancelled") note(target.id, user.id, target.price, "cancelled");
  } catch (error) {
    if (!isCrash(error)) fail(`cancel threw ${(error as Error).message}`);
    counts.crashed++;
    markUncertain(target.id);
  }
}

async function opWorker(user: ModelUser, outcome: "success" | "failure") {
  const target = pickAnalysis(user, ["queued", "running"]);
  if (!target) return;
  try {
    const first = await startAttempt(target.id, "stress-worker-a");
    if (!first) return;
    note(target.id, user.id, target.price, "running");
    let live = first;
    if (random.chance(0.3)) {
      // A stalled attempt is superseded by a newer one; the old one must be fenced out.
      const second = await startAttempt(target.id, "stress-worker-b");
      if (second) {
        const staleWrote = await completeAttempt(
          { analysisId: target.id, attempt: first.attempt, workerId: "stress-worker-a" },
          { memoMarkdown: "# stale", result: {}, resultVersion: 1, stepCount: 7 },
        );
        if (staleWrote) fail(`stale attempt ${first.attempt} of ${target.id} was able to finish`);
        else counts.fenced++;
        live = second;
      }
    }
    const fence = { analysisId: target.id, attempt: live.attempt, workerId: "stress-worker" };
    if (outcome === "success") {
      const done = await completeAttempt(fence, {
        memoMarkdown: "# memo",
        result: {},
        resultVersion: 1,
        stepCount: 7,
      });
      if (done) note(target.id, user.id, target.price, "succeeded");
      if (random.chance(0.4)) {
        const again = await completeAttempt(fence, {
          memoMarkdown: "# memo",
          result: {},
          resultVersion: 1,
          stepCount: 7,
        });
        if (again) fail(`second completion of ${target.id} succeeded`);
        const capture = await db.transaction((tx) =>
          settleHold(tx, { analysisId: target.id, settlement: "capture" }),
        );
        if (capture.applied) fail(`duplicate capture of ${target.id} applied`);
        const release = await db.transaction((tx) =>
          settleHold(tx, { analysisId: target.id, settlement: "release" }),
        );
        if (release.applied) fail(`release after capture of ${target.id} applied`);
        counts.duplicateSettlesRefused += 2;
      }
    } else {
      const ended = await endAnalysisUnpaid({
        ...fence,
        status: "failed",
        errorCode: "stress",
        errorMessage: "failed on purpose",
      });
      if (ended) note(target.id, user.id, target.price, "failed");
      if (random.chance(0.4)) {
        const capture = await db.transaction((tx) =>
          settleHold(tx, { analysisId: target.id, settlement: "capture" }),
        );
        if (ended && capture.applied) fail(`capture after release of ${target.id} applied`);
        counts.duplicateSettlesRefused++;
      }
    }
    counts.ok++;
  } catch (error) {
    if (!isCrash(error)) fail(`worker ${outcome} threw ${(error as Error).message}`);
    counts.crashed++;
    markUncertain(target.id);
  }
}

async function opReap(user: ModelUser) {
  const target = pickAnalysis(user, ["running"]);
  if (!target) return;
  try {
    const ended = await endAnalysisUnpaid({
      analysisId: target.id,
      attempt: null,
      status: "failed",
      errorCode: "stalled",
      errorMessage: "reaped",
      eventType: "reaped",
    });
    if (ended) note(target.id, user.id, target.price, "failed");
    counts.ok++;
  } catch (error) {
    if (!isCrash(error)) fail(`reap threw ${(error as Error).message}`);
    counts.crashed++;
    markUncertain(target.id);
  }
}

// ---- the killer: crashes between the statements of transactions -----------------------------
const killer = postgres(database.databaseUrl, { max: 1, onnotice: () => {} });
let killing = true;
const killerLoop = (async () => {
  while (killing) {
    const killed = await killer`
      select pg_terminate_backend(pid) as ok from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        and state in ('idle in transaction', 'active') and random() < 0.15`.catch(() => []);
    counts.kills += killed.length;
    await new Promise((r) => setTimeout(r, killerRandom.int(5, 40)));
  }
})();

// ---- run --------------------------------------------------------------------------------------
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < opCount) {
      next++;
      counts.ops++;
      const user = random.pick(users);
      const roll = random.next();
      if (roll < 0.4) await opConfirm(user);
      else if (roll < 0.55) await opCancel(user);
      else if (roll < 0.77) await opWorker(user, "success");
      else if (roll < 0.92) await opWorker(user, "failure");
      else await opReap(user);
    }
  }),
);
killing = false;
await killerLoop;
await killer.end();
const seconds = (performance.now() - started) / 1000;

// ---- verdict ------------------------------------------------------------------------------------
const report = await checkLedger();
for (const v of report.violations)
  fail(`ledger violation ${v.code}: ${v.message} ${v.userId ?? ""} ${v.analysisId ?? ""}`);

const rows = await db
  .select({
    id: schema.analyses.id,
    userId: schema.analyses.userId,
    status: schema.analyses.status,
    price: schema.analyses.priceCredits,
  })
  .from(schema.analyses);
const balances = await db.select().from(schema.creditBalances);
const priceOfDoc = new Map(
  users.flatMap((u) => u.docs.map((d) => [d.id, priceForPages(d.pages)] as const)),
);
const docOf = new Map(
  (
    await db
      .select({ id: schema.analyses.id, documentId: schema.analyses.documentId })
      .from(schema.analyses)
  ).map((r) => [r.id, r.documentId]),
);
for (const row of rows) {
  const known = model.get(row.id);
  if (known && !known.uncertain && known.status !== row.status) {
    fail(`analysis ${row.id}: model says ${known.status}, database says ${row.status}`);
  }
  const modelPrice = priceOfDoc.get(docOf.get(row.id) ?? "");
  if (row.status !== "quoted" && modelPrice !== row.price)
    fail(`analysis ${row.id} price ${row.price} ≠ model ${modelPrice}`);
}
for (const user of users) {
  const mine = rows.filter((r) => r.userId === user.id);
  const sum = (statuses: Status[]) =>
    mine
      .filter((r) => statuses.includes(r.status))
      .reduce((n, r) => n + (priceOfDoc.get(docOf.get(r.id) ?? "") ?? 0), 0);
  const expected = {
    held: sum(["queued", "running"]),
    spent: sum(["succeeded"]),
    granted: user.granted,
  };
  const actual = balances.find((b) => b.userId === user.id);
  const expectedAvailable = expected.granted - expected.held - expected.spent;
  if (
    !actual ||
    actual.held !== expected.held ||
    actual.spent !== expected.spent ||
    actual.granted !== expected.granted ||
    actual.available !== expectedAvailable
  ) {
    fail(
      `user ${user.id}: balance ${JSON.stringify(actual && { available: actual.available, held: actual.held, spent: actual.spent, granted: actual.granted })} ≠ model ${JSON.stringify({ available: expectedAvailable, ...expected })}`,
    );
  }
}

await closeAnalysisQueue();
await closeDb();
await deleteQueueKeys(redisUrl, queuePrefix);
await database.drop();

const uncertain = [...model.values()].filter((a) => a.uncertain).length;
console.log(
  `ledger-stress: ${counts.ops} ops in ${seconds.toFixed(1)}s (${counts.ok} ok, ${counts.refused402} refused for credits, ${counts.crashed} crashed by ${counts.kills} connection kills, ${counts.fenced} stale attempts fenced, ${counts.duplicateSettlesRefused} duplicate settlements refused); ${model.size} analyses, ${uncertain} resolved from their rows after a crash`,
);
for (const f of failures) console.log(`FAIL ${f}`);
console.log(
  `${failures.length === 0 ? "model matches; " : `${failures.length} failures (seed ${seed}); `}${formatLedgerSummary(report)}`,
);
process.exit(failures.length === 0 ? 0 : 1);
