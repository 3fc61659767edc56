import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import { ApiClient } from "@/tests/support/api-client";
import {
  confirm,
  getAnalysis,
  type UploadResponse,
  uploadContract,
  uploadContractNamed,
  waitForStatus,
} from "@/tests/support/journey";
import { startTestStack, type TestStack } from "@/tests/support/test-stack";
import { waitFor } from "@/tests/support/wait-for";

/**
 * design.md "Admission", on a stack of its own: two worker processes with three slots each
 * (six at once), steps slowed so analyses overlap, 10-page chunks, and USER_MAX_ACTIVE=2 for the
 * web server and the workers. A sampler reads every user's held units from Postgres every ~25 ms
 * for the whole file — the same counting admission uses — and the tests assert it never went
 * over a user's limit, and that it reached it (so the check could fail).
 */
const DEFAULT_LIMIT = 2;
let stack: TestStack;
let sql: postgres.Sql;

type Sample = { user_id: string; lim: number; held: number };
const maxHeld = new Map<string, number>();
const overLimit: Sample[] = [];
let sampling = true;
let samples = 0;
let sampler: Promise<void> = Promise.resolve();

async function sampleForever(): Promise<void> {
  while (sampling) {
    const rows = await sql<Sample[]>`
      select a.user_id::text as user_id,
        coalesce(u.max_active_analyses, ${DEFAULT_LIMIT})::int as lim,
        sum(greatest(1, (select count(*) from analysis_chunks c
          where c.analysis_id = a.id and c.status = 'running')))::int as held
      from analyses a join users u on u.id = a.user_id
      where a.status in ('queued', 'running') and a.admitted_at is not null
      group by a.user_id, u.max_active_analyses`;
    for (const row of rows) {
      maxHeld.set(row.user_id, Math.max(maxHeld.get(row.user_id) ?? 0, row.held));
      if (row.held > row.lim) overLimit.push(row);
    }
    samples++;
    await sleep(25);
  }
}

const userIdOf = async (email: string) =>
  (await sql<{ id: string }[]>`select id::text as id from users where email = ${email}`)[0]!.id;

const timesOf = (ids: string[]) =>
  sql<{ id: string; started_at: Date | null; finished_at: Date | null; status: string }[]>`
    select id::text as id, started_at, finished_at, status from analyses
    where id = any(${ids}::uuid[])`;

const ledgerOf = (analysisId: string) =>
  sql<{ kind: string; amount: number }[]>`
    select kind, amount from credit_entries where analysis_id = ${analysisId} order by id`;

type Balance = { available: number; held: number; spent: number; granted: number };
const balanceOf = async (client: ApiClient) =>
  (await client.json<{ balance: Balance }>("GET", "/api/me/credits")).body.balance;

/** Every analysis of the user ended, charged once if it succeeded, released otherwise. */
async function expectBalancedLedger(client: ApiClient, analyses: AnalysisView[]) {
  for (const a of analyses) {
    const ended = await getAnalysis(client, a.id);
    const settle = ended.status === "succeeded" ? "capture" : "release";
    expect(await ledgerOf(a.id)).toEqual([
      { kind: "hold", amount: a.priceCredits },
      { kind: settle, amount: a.priceCredits },
    ]);
  }
  const balance = await balanceOf(client);
  expect(balance.held).toBe(0);
  expect(balance.available + balance.spent).toBe(balance.granted);
}

async function uploadMany(client: ApiClient, count: number): Promise<UploadResponse[]> {
  const uploads: UploadResponse[] = [];
  // One at a time: a user may only have a couple of uploads in flight.
  for (let i = 0; i < count; i++) uploads.push(await uploadContract(client, 0));
  return uploads;
}

async function confirmAll(client: ApiClient, uploads: UploadResponse[]): Promise<AnalysisView[]> {
  const answers = await Promise.all(uploads.map((u) => confirm(client, u.document.id)));
  for (const answer of answers) expect(answer.status).toBe(202);
  return answers.map((a) => a.body.analysis);
}

const waitAllEnded = (client: ApiClient, analyses: AnalysisView[]) =>
  Promise.all(
    analyses.map((a) => waitForStatus(client, a.id, ["succeeded", "failed", "cancelled"], 150_000)),
  );

beforeAll(async () => {
  stack = await startTestStack({
    name: "admission",
    port: 12_000 + Math.floor(Math.random() * 4_000),
    workers: 2,
    env: { USER_MAX_ACTIVE: String(DEFAULT_LIMIT) },
    workerEnv: {
      WORKER_CONCURRENCY: "3",
      ANALYSIS_STEP_DELAY_MS: "250",
      CHUNK_PAGES: "10",
      MAINTENANCE_INTERVAL_MS: "1000",
      // The stack waits for the worker's "ready" line (this process runs with LOG_LEVEL=warn).
      LOG_LEVEL: "info",
    },
  });
  sql = postgres(stack.databaseUrl, { max: 3, onnotice: () => {} });
  sampler = sampleForever();
}, 120_000);

afterAll(async () => {
  sampling = false;
  await sampler.catch(() => {});
  await sql?.end();
  await stack?.stop();
});

describe("per-user admission", { timeout: 240_000 }, () => {
  it("round-robins users, never runs more than a user's limit, and a waiting cancel never starts", async () => {
    const big = await ApiClient.signUp(stack.baseUrl);
    const smalls = await Promise.all(
      Array.from({ length: 5 }, () => ApiClient.signUp(stack.baseUrl)),
    );
    const bigUploads = await uploadMany(big.client, 20);
    expect(bigUploads[0]!.document.pageCount).toBeLessThanOrEqual(10); // single pass
    const smallUploads = await Promise.all(smalls.map((s) => uploadContract(s.client, 0)));

    const bigAnalyses = await confirmAll(big.client, bigUploads);
    // All twenty are confirmed (held); most wait their turn in Postgres, not in the queue.
    const [waitingNow] = await sql<{ n: number }[]>`
      select count(*)::int as n from analyses
      where id = any(${bigAnalyses.map((a) => a.id)}::uuid[])
        and status = 'queued' and admitted_at is null`;
    expect(waitingNow!.n).toBeGreaterThan(10);

    // The last one confirmed waits its turn in Postgres; cancelled there, it never starts.
    const waiting = bigAnalyses.at(-1)!;
    const cancelled = await big.client.json<{ analysis: AnalysisView }>(
      "POST",
      `/api/analyses/${waiting.id}/cancel`,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.analysis.status).toBe("cancelled");

    const smallAnalyses = await Promise.all(
      smalls.map(async (s, i) => (await confirmAll(s.client, [smallUploads[i]!]))[0]!),
    );

    await waitAllEnded(big.client, bigAnalyses);
    await Promise.all(smalls.map((s, i) => waitAllEnded(s.client, [smallAnalyses[i]!])));

    const bigTimes = await timesOf(bigAnalyses.map((a) => a.id));
    const smallTimes = await timesOf(smallAnalyses.map((a) => a.id));
    expect(bigTimes.filter((t) => t.status === "succeeded")).toHaveLength(19);
    expect(smallTimes.every((t) => t.status === "succeeded")).toBe(true);

    // The cancelled one was never admitted nor started, and its hold went back.
    const [never] = await sql<{ admitted_at: Date | null; started_at: Date | null }[]>`
      select admitted_at, started_at from analyses where id = ${waiting.id}`;
    expect(never).toEqual({ admitted_at: null, started_at: null });
    const starts = await sql`select 1 from analysis_events
      where analysis_id = ${waiting.id} and type = 'attempt_started'`;
    expect(starts).toHaveLength(0);

    // Round-robin: every small user's analysis, confirmed after the big user's twenty, started
    // before the big user's backlog had all started (FIFO across everyone would start it after).
    const lastBigStart = Math.max(
      ...bigTimes.filter((t) => t.started_at).map((t) => t.started_at!.getTime()),
    );
    for (const t of smallTimes) expect(t.started_at!.getTime()).toBeLessThan(lastBigStart);

    // The limit held at every sample, and was reached (so the check could fail).
    const bigId = await userIdOf(big.email);
    expect(samples).toBeGreaterThan(50);
    expect(overLimit).toEqual([]);
    expect(maxHeld.get(bigId)).toBe(DEFAULT_LIMIT);

    await expectBalancedLedger(big.client, bigAnalyses);
    for (const [i, s] of smalls.entries())
      await expectBalancedLedger(s.client, [smallAnalyses[i]!]);
  });

  it("a chunked analysis never holds more than its user's limit, and still finishes", async () => {
    const { client, email } = await ApiClient.signUp(stack.baseUrl);
    const upload = await uploadContractNamed(client, "MRSFIELDS");
    expect(upload.document.pageCount).toBe(45); // five 10-page chunks
    const [chunked] = await confirmAll(client, [upload]);
    const { last } = await waitForStatus(client, chunked!.id, ["succeeded", "failed"], 150_000);
    expect(last.status).toBe("succeeded");
    expect(last.progress).toMatchObject({ chunksDone: 5, chunksTotal: 5 });

    const userId = await userIdOf(email);
    // Four chunks were waiting with six free slots: only the limit's worth ran at once.
    expect(overLimit).toEqual([]);
    expect(maxHeld.get(userId)).toBe(DEFAULT_LIMIT);
    await expectBalancedLedger(client, [chunked!]);
  });

  it("an admin raising a user's limit lets more of their analyses run at once, audited", async () => {
    const adminAccount = await ApiClient.signUp(stack.baseUrl);
    await sql`update users set role = 'admin' where email = ${adminAccount.email}`;
    const admin = new ApiClient(stack.baseUrl);
    await admin.signIn(adminAccount.email, adminAccount.password);

    const { client, email } = await ApiClient.signUp(stack.baseUrl);
    const userId = await userIdOf(email);
    const uploads = await uploadMany(client, 8);
    const analyses = await confirmAll(client, uploads);

    const path = `/api/admin/users/${userId}/active-limit`;
    // A reason is mandatory, and a limit is 1–100 (or null for the default): 422 otherwise.
    expect((await admin.json("PUT", path, { json: { limit: 4 } })).status).toBe(422);
    expect((await admin.json("PUT", path, { json: { limit: 0, reason: "tier" } })).status).toBe(
      422,
    );
    // Not for users.
    expect((await client.json("PUT", path, { json: { limit: 50, reason: "me" } })).status).toBe(
      403,
    );

    const raised = await admin.json<{ changed: boolean; effectiveLimit: number }>("PUT", path, {
      json: { limit: 4, reason: "Paid tier: four at once" },
    });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ changed: true, effectiveLimit: 4 });

    await waitAllEnded(client, analyses);
    expect(overLimit).toEqual([]);
    // More than the default ran at once, never more than the new limit.
    expect(maxHeld.get(userId)).toBe(4);
    await expectBalancedLedger(client, analyses);

    const [audit] = await sql<{ reason: string; data: { from: null; to: number } }[]>`
      select reason, data from admin_actions
      where kind = 'set_user_active_limit' and target_user_id = ${userId}`;
    expect(audit).toEqual({ reason: "Paid tier: four at once", data: { from: null, to: 4 } });

    // Back to the default.
    const reset = await admin.json<{ effectiveLimit: number }>("PUT", path, {
      json: { limit: null, reason: "Tier ended" },
    });
    expect(reset.body.effectiveLimit).toBe(DEFAULT_LIMIT);
    await waitFor(
      async () => (await sql`select max_active_analyses from users where id = ${userId}`)[0],
      (row) => row?.max_active_analyses === null,
    );
  });
});
