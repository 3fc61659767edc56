import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { AdminAnalysisDetail } from "@/lib/analyses/get-admin-analysis";
import type { QueueHealth } from "@/lib/analyses/get-queue-health";
import type { AdminAnalysisRow } from "@/lib/analyses/list-admin-analyses";
import type { AdminActionView } from "@/lib/audit/list-admin-actions";
import { createUser } from "@/lib/auth/create-user";
import { checkLedger } from "@/lib/billing/check-ledger";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, uploadContract, waitForStatus } from "@/tests/support/journey";
import { entriesForAnalysis } from "@/tests/support/ledger";
import { withPausedQueue } from "@/tests/support/paused-queue";
import { rotStoredDocument } from "@/tests/support/stored-bytes";
import { waitFor } from "@/tests/support/wait-for";

const stack = integrationStack();
const { baseUrl } = stack;

type Balance = { available: number; held: number; spent: number; granted: number };
const balanceOf = async (client: ApiClient) =>
  (await client.json<{ balance: Balance }>("GET", "/api/me/credits")).body.balance;

/** An analysis that fails because its stored bytes rotted after the quote. */
async function failedAnalysis(client: ApiClient, contractIndex: number) {
  const upload = await uploadContract(client, contractIndex);
  const restore = await rotStoredDocument(upload.document.id);
  const { body } = await confirm(client, upload.document.id);
  await waitForStatus(client, body.analysis.id, ["failed"]);
  return { upload, analysisId: body.analysis.id, restore };
}

describe("the admin console", () => {
  let admin: ApiClient;
  let user: ApiClient;
  let userEmail: string;

  beforeAll(async () => {
    const adminEmail = `admin-${randomUUID()}@example.com`;
    await createUser({ email: adminEmail, password: "admin password 1", role: "admin" });
    admin = new ApiClient(baseUrl);
    await admin.signIn(adminEmail, "admin password 1");
    ({ client: user, email: userEmail } = await ApiClient.signUp(baseUrl));
  });

  it("finds a failed analysis by filters, shows its timeline, internal error and ledger, and retries it free of charge", async () => {
    const { upload, analysisId, restore } = await failedAnalysis(user, 9);
    const before = await balanceOf(user);

    const search = new URLSearchParams({
      status: "failed",
      user: userEmail.slice(0, 20).toUpperCase(),
      document: upload.document.filename.slice(0, 12),
      from: new Date(Date.now() - 3_600_000).toISOString(),
      sort: "price",
      dir: "asc",
    });
    const list = await admin.json<{ items: AdminAnalysisRow[]; total: number }>(
      "GET",
      `/api/admin/analyses?${search}`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((a) => a.id)).toEqual([analysisId]);
    // A document-name filter is text, not a LIKE pattern.
    const wildcard = await admin.json<{ total: number }>(
      "GET",
      "/api/admin/analyses?document=%25_",
    );
    expect(wildcard.body.total).toBe(0);

    const detail = await admin.json<AdminAnalysisDetail>(
      "GET",
      `/api/admin/analyses/${analysisId}`,
    );
    expect(detail.status).toBe(200);
    const types = detail.body.events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "quoted",
        "confirmed",
        "enqueued",
        "attempt_started",
        "step_started",
        "failed",
      ]),
    );
    expect(detail.body.events.find((e) => e.type === "step_started")?.data).toMatchObject({
      step: 1,
      name: "Reading the document",
    });
    expect(detail.body.events.find((e) => e.type === "attempt_started")?.workerId).toBeTruthy();
    expect(detail.body.analysis.errorDetail).toMatch(/DocumentError/);
    expect(detail.body.analysis.userEmail).toBe(userEmail);
    expect(detail.body.ledger.map((e) => e.kind).sort()).toEqual(["hold", "release"]);
    // The user never sees the internal error.
    const own = await user.json<{ analysis: Record<string, unknown> }>(
      "GET",
      `/api/analyses/${analysisId}`,
    );
    expect(JSON.stringify(own.body)).not.toMatch(/errorDetail|DocumentError/);

    // Retrying a non-failed analysis is refused; a reason is mandatory.
    expect(
      (await admin.request("POST", `/api/admin/analyses/${analysisId}/retry`, { json: {} })).status,
    ).toBe(422);

    await restore(); // the admin fixed the cause
    const retried = await admin.json<{ analysisId: string; priceCredits: number }>(
      "POST",
      `/api/admin/analyses/${analysisId}/retry`,
      { json: { reason: "storage repaired" } },
    );
    expect(retried.status).toBe(201);
    expect(retried.body.priceCredits).toBe(0);
    const { last } = await waitForStatus(user, retried.body.analysisId, ["succeeded", "failed"]);
    expect(last.status).toBe("succeeded");
    // Free of charge: no ledger entries, the user's balance did not move.
    expect(await entriesForAnalysis(retried.body.analysisId)).toEqual([]);
    expect(await balanceOf(user)).toEqual(before);

    const again = await admin.request(
      "POST",
      `/api/admin/analyses/${retried.body.analysisId}/retry`,
      {
        json: { reason: "twice" },
      },
    );
    expect(again.status).toBe(409);

    const oldTimeline = await admin.json<AdminAnalysisDetail>(
      "GET",
      `/api/admin/analyses/${analysisId}`,
    );
    expect(oldTimeline.body.events.at(-1)).toMatchObject({
      type: "retried",
      data: { retryAnalysisId: retried.body.analysisId, charged: false },
    });
    const audit = await admin.json<{ items: AdminActionView[] }>(
      "GET",
      "/api/admin/audit?pageSize=100",
    );
    expect(audit.body.items.find((a) => a.analysisId === analysisId)).toMatchObject({
      kind: "retry_analysis",
      reason: "storage repaired",
      targetUserEmail: userEmail,
      data: { charged: false, retryAnalysisId: retried.body.analysisId },
    });
    expect(upload.quote.priceCredits).toBeGreaterThan(0);
  });

  it("retries with a charge when the admin chooses so: held and captured like a confirm", async () => {
    const { upload, analysisId, restore } = await failedAnalysis(user, 10);
    await restore();
    const retried = await admin.json<{ analysisId: string; priceCredits: number }>(
      "POST",
      `/api/admin/analyses/${analysisId}/retry`,
      { json: { reason: "user asked for a rerun", charge: true } },
    );
    expect(retried.status).toBe(201);
    expect(retried.body.priceCredits).toBe(upload.quote.priceCredits);
    await waitForStatus(user, retried.body.analysisId, ["succeeded"]);
    expect(await entriesForAnalysis(retried.body.analysisId)).toEqual([
      { kind: "hold", amount: upload.quote.priceCredits },
      { kind: "capture", amount: upload.quote.priceCredits },
    ]);
  });

  it("cancels a user's queued analysis with a reason; the user sees who cancelled it", async () => {
    const upload = await uploadContract(user, 11);
    const id = await withPausedQueue(stack, async () => {
      const { body } = await confirm(user, upload.document.id);
      const cancelled = await admin.json<AdminAnalysisDetail>(
        "POST",
        `/api/admin/analyses/${body.analysis.id}/cancel`,
        { json: { reason: "duplicate upload" } },
      );
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.analysis.status).toBe("cancelled");
      return body.analysis.id;
    });
    const { last } = await waitForStatus(user, id, ["cancelled"]);
    expect(last.error?.message).toBe("Cancelled by an administrator. Nothing was charged.");
    expect(await entriesForAnalysis(id)).toEqual([
      { kind: "hold", amount: upload.quote.priceCredits },
      { kind: "release", amount: upload.quote.priceCredits },
    ]);
  });

  it("disables a user (no sign-in, no upload, no confirm) and re-enables them, both audit-logged", async () => {
    const { client: target, email, password } = await ApiClient.signUp(baseUrl);
    const upload = await uploadContract(target, 12);
    const found = await admin.json<{ items: { id: string; email: string }[] }>(
      "GET",
      `/api/admin/users?q=${encodeURIComponent(email)}`,
    );
    const targetId = found.body.items.find((u) => u.email === email)?.id;
    expect(targetId).toBeTruthy();

    expect(
      (
        await admin.request("POST", `/api/admin/users/${targetId}/disable`, {
          json: { disabled: true },
        })
      ).status,
    ).toBe(422);
    const disabled = await admin.json<{ changed: boolean }>(
      "POST",
      `/api/admin/users/${targetId}/disable`,
      {
        json: { disabled: true, reason: "chargeback" },
      },
    );
    expect(disabled.body).toEqual({ changed: true });

    const refusedConfirm = await confirm(target, upload.document.id);
    expect(refusedConfirm.status).toBe(403);
    expect(refusedConfirm.body.error?.code).toBe("account_disabled");
    const refusedUpload = await target.upload(
      new Uint8Array([37, 80, 68, 70]),
      "x.pdf",
      "application/pdf",
    );
    expect(refusedUpload.status).toBe(403);
    await expect(new ApiClient(baseUrl).signIn(email, password)).rejects.toThrow(/sign-in failed/);

    await admin.json("POST", `/api/admin/users/${targetId}/disable`, {
      json: { disabled: false, reason: "resolved" },
    });
    const again = new ApiClient(baseUrl);
    await again.signIn(email, password);
    expect((await confirm(again, upload.document.id)).status).toBe(202);

    const audit = await admin.json<{ items: AdminActionView[] }>(
      "GET",
      "/api/admin/audit?pageSize=100",
    );
    const kinds = audit.body.items
      .filter((a) => a.targetUserEmail === email)
      .map((a) => [a.kind, a.reason]);
    expect(kinds).toEqual([
      ["enable_user", "resolved"],
      ["disable_user", "chargeback"],
    ]);
  });

  it("shows queue health: BullMQ counts, throughput, durations and live workers", async () => {
    const health = await waitFor(
      () => admin.json<QueueHealth>("GET", "/api/admin/queue"),
      (r) => r.body.lastHour.succeeded > 0,
      { what: "a finished analysis in the last hour" },
    );
    const body = health.last.body;
    expect(body.redis.up).toBe(true);
    expect(Object.keys(body.counts ?? {})).toEqual(
      expect.arrayContaining(["waiting", "active", "delayed", "failed", "completed"]),
    );
    expect(body.lastHour.p50Ms).toBeGreaterThan(0);
    expect(body.lastHour.p95Ms).toBeGreaterThanOrEqual(body.lastHour.p50Ms ?? 0);
    expect(body.lastDay.finished).toBeGreaterThanOrEqual(body.lastHour.finished);
    expect(body.workers.some((w) => w.state === "up" && w.pid > 0 && w.host)).toBe(true);
  });

  it("leaves the ledger balanced", async () => {
    const report = await checkLedger();
    expect(report.violations).toEqual([]);
  });
});
