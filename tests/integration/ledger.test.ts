import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { db } from "@/lib/db/client";
import { analyses, idempotencyKeys } from "@/lib/db/schema";
import { startAttempt } from "@/lib/jobs/analysis-attempt";
import {
  expireStaleHold,
  expireStaleHolds,
  pruneIdempotencyKeys,
  reapStaleAnalysis,
} from "@/lib/jobs/run-maintenance";
import { logger } from "@/lib/logger";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, getAnalysis, uploadContract } from "@/tests/support/journey";
import { entriesForAnalysis } from "@/tests/support/ledger";
import { withPausedQueue } from "@/tests/support/paused-queue";

const stack = integrationStack();
type Balance = { available: number; held: number; spent: number; granted: number };
type Entry = {
  kind: string;
  amount: number;
  debit: boolean;
  reason: string | null;
  actorEmail: string | null;
};

describe("credit ledger", () => {
  let admin: ApiClient;
  let adminEmail: string;
  let user: ApiClient;
  let userId: string;

  beforeAll(async () => {
    adminEmail = `ledger-admin-${randomUUID()}@example.com`;
    await createUser({ email: adminEmail, password: "admin password 1", role: "admin" });
    admin = new ApiClient(stack.baseUrl);
    await admin.signIn(adminEmail, "admin password 1");
    const email = `ledger-user-${randomUUID()}@example.com`;
    ({ userId } = await createUser({ email, password: "user password 1" }));
    user = new ApiClient(stack.baseUrl);
    await user.signIn(email, "user password 1");
  });

  const change = (client: ApiClient, body: Record<string, unknown>, key = randomUUID()) =>
    client.json<{ applied: boolean; balance: Balance; error?: { code: string; message: string } }>(
      "POST",
      `/api/admin/users/${userId}/credits`,
      { json: body, headers: { "idempotency-key": key } },
    );

  it("lets an admin grant credits with a reason, once per idempotency key, visible in the user's history", async () => {
    const key = randomUUID();
    const first = await change(
      admin,
      { kind: "grant", amount: 25, reason: "Goodwill for a slow week" },
      key,
    );
    expect(first.status).toBe(201);
    expect(first.body.balance).toEqual({ available: 125, held: 0, spent: 0, granted: 125 });
    const replay = await change(
      admin,
      { kind: "grant", amount: 25, reason: "Goodwill for a slow week" },
      key,
    );
    expect(replay.status).toBe(200);
    expect(replay.body.applied).toBe(false);
    expect(replay.body.balance.available).toBe(125);
    const misuse = await change(
      admin,
      { kind: "grant", amount: 26, reason: "Goodwill for a slow week" },
      key,
    );
    expect(misuse.status).toBe(422);
    expect(misuse.body.error?.code).toBe("idempotency_mismatch");

    const mine = await user.json<{ entries: Entry[] }>("GET", "/api/me/credits");
    const grant = mine.body.entries.find((e) => e.reason === "Goodwill for a slow week");
    expect(grant).toMatchObject({
      kind: "grant",
      amount: 25,
      debit: false,
      actorEmail: adminEmail,
    });
    expect(mine.body.entries.filter((e) => e.reason === "Goodwill for a slow week")).toHaveLength(
      1,
    );
  });

  it("adjusts down with a reason but never below zero available", async () => {
    const down = await change(admin, {
      kind: "adjust",
      direction: "debit",
      amount: 20,
      reason: "Duplicate grant",
    });
    expect(down.status).toBe(201);
    expect(down.body.balance).toEqual({ available: 105, held: 0, spent: 0, granted: 105 });
    const tooMuch = await change(admin, {
      kind: "adjust",
      direction: "debit",
      amount: 106,
      reason: "Too much",
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error?.message).toMatch(/Only 105 credits are available/);
    const noReason = await change(admin, { kind: "grant", amount: 5, reason: " " });
    expect(noReason.status).toBe(422);
    const grantDown = await change(admin, {
      kind: "grant",
      direction: "debit",
      amount: 5,
      reason: "nope",
    });
    expect(grantDown.status).toBe(422);
    const entries = await user.json<{ entries: Entry[] }>("GET", "/api/me/credits");
    expect(entries.body.entries.find((e) => e.reason === "Duplicate grant")).toMatchObject({
      kind: "adjust",
      amount: 20,
      debit: true,
      actorEmail: adminEmail,
    });
  });

  it("keeps credit changes and the ledger check for admins: 401 anonymous, 403 user", async () => {
    const anonymous = new ApiClient(stack.baseUrl);
    expect((await change(anonymous, { kind: "grant", amount: 5, reason: "x y z" })).status).toBe(
      401,
    );
    expect((await change(user, { kind: "grant", amount: 5, reason: "x y z" })).status).toBe(403);
    expect((await anonymous.request("GET", "/api/admin/ledger")).status).toBe(401);
    expect((await user.request("GET", "/api/admin/ledger")).status).toBe(403);
    expect((await user.request("GET", "/api/admin/users")).status).toBe(403);
    const users = await admin.json<{ items: { email: string }[] }>(
      "GET",
      `/api/admin/users?q=ledger-user`,
    );
    expect(users.status).toBe(200);
    expect(users.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it("refuses to change or delete a ledger entry, even from SQL", async () => {
    await expect(db.execute(sql`update credit_entries set amount = amount + 1`)).rejects.toThrow();
    await expect(db.execute(sql`delete from credit_entries`)).rejects.toThrow();
  });

  /** A queued analysis (the caller pauses the queue) whose hold is past the 1 h limit. */
  const confirmHeldTwoHoursAgo = async () => {
    const upload = await uploadContract(user, 7);
    const { body } = await confirm(user, upload.document.id);
    await db
      .update(analyses)
      // Admitted (handed to the queue) two hours ago: hold expiry counts from admission.
      .set({
        confirmedAt: sql`now() - interval '2 hours'`,
        admittedAt: sql`now() - interval '2 hours'`,
      })
      .where(eq(analyses.id, body.analysis.id));
    return { upload, body };
  };

  it("fails an analysis no worker started in time and releases its hold", async () => {
    await withPausedQueue(stack, async () => {
      const { upload, body } = await confirmHeldTwoHoursAgo();
      expect(await expireStaleHolds(logger)).toBeGreaterThanOrEqual(1);
      const ended = await getAnalysis(user, body.analysis.id);
      expect(ended.status).toBe("failed");
      expect(ended.error?.message).toMatch(/credits were released/);
      expect(await entriesForAnalysis(body.analysis.id)).toEqual([
        { kind: "hold", amount: upload.quote.priceCredits },
        { kind: "release", amount: upload.quote.priceCredits },
      ]);
    });
  });

  it("does not expire the hold of an analysis a worker started after hold expiry selected it", async () => {
    await withPausedQueue(stack, async () => {
      const { upload, body } = await confirmHeldTwoHoursAgo();
      // Selected as stale, then claimed by a worker (right after an outage) before the update.
      expect(await startAttempt(body.analysis.id, "test-worker")).not.toBeNull();
      expect(await expireStaleHold(body.analysis.id)).toBe(false);
      expect((await getAnalysis(user, body.analysis.id)).status).toBe("running");
      expect(await entriesForAnalysis(body.analysis.id)).toEqual([
        { kind: "hold", amount: upload.quote.priceCredits },
      ]);
    });
  });

  it("reaps a running analysis only while its heartbeat is still stale", async () => {
    await withPausedQueue(stack, async () => {
      const upload = await uploadContract(user, 7);
      const { body } = await confirm(user, upload.document.id);
      expect(await startAttempt(body.analysis.id, "test-worker")).not.toBeNull();
      // Selected when stale, but the worker beat in between: it must not be failed and fenced out.
      expect(await reapStaleAnalysis(body.analysis.id)).toBe(false);
      expect((await getAnalysis(user, body.analysis.id)).status).toBe("running");
      await db
        .update(analyses)
        .set({ heartbeatAt: sql`now() - interval '1 hour'` })
        .where(eq(analyses.id, body.analysis.id));
      expect(await reapStaleAnalysis(body.analysis.id)).toBe(true);
      expect((await getAnalysis(user, body.analysis.id)).status).toBe("failed");
      expect(await entriesForAnalysis(body.analysis.id)).toEqual([
        { kind: "hold", amount: upload.quote.priceCredits },
        { kind: "release", amount: upload.quote.priceCredits },
      ]);
    });
  });

  it("keeps confirm idempotency keys for at least 24 hours", async () => {
    const base = {
      userId,
      documentId: randomUUID(),
      analysisId: randomUUID(),
      responseStatus: 202,
    };
    await db.insert(idempotencyKeys).values([
      { ...base, key: `young-${randomUUID()}`, createdAt: sql`now() - interval '23 hours'` },
      { ...base, key: `old-${randomUUID()}`, createdAt: sql`now() - interval '49 hours'` },
    ]);
    expect(await pruneIdempotencyKeys()).toBe(1);
    const left = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
    expect(left.map((k) => k.key.split("-")[0])).toEqual(["young"]);
  });

  it("verifies every invariant: the admin API and `npm run ledger:check` agree the ledger is clean", async () => {
    const report = await admin.json<{ ok: boolean; violations: unknown[]; summary: string }>(
      "GET",
      "/api/admin/ledger",
    );
    expect(report.status).toBe(200);
    expect(report.body.violations).toEqual([]);
    const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/ledger-check.ts"], {
      env: { ...process.env, DATABASE_URL: stack.databaseUrl },
      encoding: "utf8",
    });
    const lines = cli.stdout.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^ledger: \d+ users, \d+ entries, 0 violations$/);
    expect(cli.status).toBe(0);
  });
});
