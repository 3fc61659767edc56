import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import { listAdminActions } from "@/lib/audit/list-admin-actions";
import { createUser } from "@/lib/auth/create-user";
import type { BatchSummary, BatchView } from "@/lib/batches/batch-view";
import { checkLedger } from "@/lib/billing/check-ledger";
import { grantCredits } from "@/lib/billing/grant-credits";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { deletedEmailFor } from "@/lib/deletion/delete-account";
import { purgeExpiredDocuments } from "@/lib/deletion/purge-expired-documents";
import { ANALYSIS_QUEUE } from "@/lib/jobs/analysis-queue";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import {
  confirm,
  getAnalysis,
  type UploadResponse,
  uploadContract,
  waitForStatus,
} from "@/tests/support/journey";
import { balanceOf, entriesForAnalysis } from "@/tests/support/ledger";
import { withPausedQueue } from "@/tests/support/paused-queue";
import { waitFor } from "@/tests/support/wait-for";

const stack = integrationStack();
const { baseUrl } = stack;

/** A signed-up user with credits of their own (whatever the sign-up grant is). */
async function newUser() {
  const account = await ApiClient.signUp(baseUrl);
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${account.email})`);
  await db.transaction((tx) =>
    grantCredits(tx, { userId: row!.id, amount: 500, reason: "deletion tests" }),
  );
  return { ...account, userId: row!.id };
}

function markedText(marker: string): string {
  return [
    `SERVICES AGREEMENT ${marker}`,
    `This agreement is made between ${marker} Holdings Ltd ("Supplier") and Example Corp ("Customer").`,
    `1. Term. This agreement starts on 1 January 2026 and lasts twelve months. Reference ${marker}.`,
    `2. Fees. Customer pays Supplier 1,000 EUR per month within 30 days of invoice.`,
    `3. Termination. Either party may terminate on 60 days' written notice.`,
  ].join("\n\n");
}

/** A contract as plain text whose name and every paragraph carry a marker found nowhere else. */
async function uploadMarked(client: ApiClient, marker: string): Promise<UploadResponse> {
  const response = await client.upload(
    new TextEncoder().encode(markedText(marker)),
    `${marker}.txt`,
    "text/plain",
  );
  expect(response.status).toBe(201);
  return (await response.json()) as UploadResponse;
}

/**
 * Every row of every table in which `marker` still appears: text, JSON and bytes columns alike
 * (bytes are searched for the marker's UTF-8). The proof that a deletion left nothing behind.
 */
async function whereMarkerRemains(marker: string): Promise<string[]> {
  const columns = await db.execute<{ table_name: string; column_name: string; data_type: string }>(
    sql`select c.table_name, c.column_name, c.data_type from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'bytea')`,
  );
  const found: string[] = [];
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    const ref = sql.raw(`"${table}"."${column}"`);
    const from = sql.raw(`"${table}"`);
    const hit =
      type === "bytea"
        ? sql`position(convert_to(${marker}, 'UTF8') in ${ref}) > 0`
        : sql`strpos(${ref}::text, ${marker}) > 0`;
    const [row] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${from} where ${hit}`,
    );
    if ((row?.n ?? 0) > 0) found.push(`${table}.${column} (${row?.n})`);
  }
  return found;
}

async function expectGone(client: ApiClient, analysis: AnalysisView) {
  const paths = [
    `/api/analyses/${analysis.id}`,
    `/api/analyses/${analysis.id}/result`,
    `/api/analyses/${analysis.id}/memo?format=md`,
    `/api/analyses/${analysis.id}/memo?format=pdf`,
    `/api/documents/${analysis.documentId}/units/1`,
  ];
  for (const path of paths) {
    expect([path, (await client.request("GET", path)).status]).toEqual([path, 404]);
  }
  const list = await client.json<{ analyses: AnalysisView[] }>("GET", "/api/analyses");
  expect(list.body.analyses.map((a) => a.id)).not.toContain(analysis.id);
  expect((await client.request("DELETE", `/api/analyses/${analysis.id}`)).status).toBe(404);
  expect((await client.request("DELETE", `/api/documents/${analysis.documentId}`)).status).toBe(
    404,
  );
}

async function jobState(analysisId: string): Promise<string> {
  const queue = new Queue(ANALYSIS_QUEUE, {
    connection: { url: stack.redisUrl },
    prefix: stack.queuePrefix,
  });
  try {
    return await queue.getJobState(analysisId);
  } finally {
    await queue.close();
  }
}

describe("deleting analyses and documents", () => {
  let owner: Awaited<ReturnType<typeof newUser>>;
  let stranger: Awaited<ReturnType<typeof newUser>>;
  beforeAll(async () => {
    owner = await newUser();
    stranger = await newUser();
  });

  it("purges a finished analysis's bytes, name, memo and findings from Postgres; 404 for everyone", async () => {
    const marker = `zqx${randomUUID().replaceAll("-", "")}`;
    const upload = await uploadMarked(owner.client, marker);
    const { body } = await confirm(owner.client, upload.document.id);
    const { last } = await waitForStatus(owner.client, body.analysis.id, ["succeeded", "failed"]);
    expect(last.status).toBe("succeeded");
    // The marker is really stored before (the search would find it): the file, its name, the memo.
    const before = await whereMarkerRemains(marker);
    expect(before).toEqual(
      expect.arrayContaining([expect.stringMatching(/^document_blobs\.bytes/)]),
    );
    expect(before).toEqual(expect.arrayContaining([expect.stringMatching(/^documents\.filename/)]));
    expect((await owner.client.request("GET", `/api/analyses/${last.id}/memo`)).status).toBe(200);

    // Someone else cannot delete it (404, as for any other read), and it stays.
    expect((await stranger.client.request("DELETE", `/api/analyses/${last.id}`)).status).toBe(404);
    expect(
      (await stranger.client.request("DELETE", `/api/documents/${last.documentId}`)).status,
    ).toBe(404);
    expect((await getAnalysis(owner.client, last.id)).status).toBe("succeeded");

    const deleted = await owner.client.request("DELETE", `/api/analyses/${last.id}`);
    expect(deleted.status).toBe(204);

    expect(await whereMarkerRemains(marker)).toEqual([]);
    const [row] = await db.execute<{
      blobs: number;
      filename: string;
      sha256: string;
      document_deleted: boolean;
      memo: string | null;
      result: unknown;
      analysis_deleted: boolean;
      status: string;
    }>(sql`select
        (select count(*)::int from document_blobs where document_id = d.id) as blobs,
        d.filename, d.sha256, d.deleted_at is not null as document_deleted,
        a.memo_markdown as memo, a.result, a.deleted_at is not null as analysis_deleted, a.status
      from analyses a join documents d on d.id = a.document_id where a.id = ${last.id}`);
    expect(row).toEqual({
      blobs: 0,
      filename: "Deleted document",
      sha256: "",
      document_deleted: true,
      memo: null,
      result: null,
      analysis_deleted: true,
      status: "succeeded",
    });
    // The ledger keeps its entries, pointing at the tombstone.
    expect(await entriesForAnalysis(last.id)).toEqual([
      { kind: "hold", amount: last.priceCredits },
      { kind: "capture", amount: last.priceCredits },
    ]);
    await expectGone(owner.client, last);
    await expectGone(stranger.client, last);

    // The audit log says who deleted what, by id and counts, never by name.
    const audit = await db.execute<{ kind: string; actor_id: string; data: unknown }>(
      sql`select kind::text, actor_id, data from admin_actions where analysis_id = ${last.id}`,
    );
    expect(audit).toEqual([
      {
        kind: "delete_analysis",
        actor_id: owner.userId,
        data: { analyses: 1, documents: 1, cancelled: 0, releasedCredits: 0 },
      },
    ]);
  });

  it("deletes a queued analysis's document: the hold is released at once, the job never runs", async () => {
    const before = await balanceOf(owner.userId);
    const upload = await uploadContract(owner.client, 1);
    const analysis = await withPausedQueue(stack, async () => {
      const { body } = await confirm(owner.client, upload.document.id);
      expect(body.analysis.status).toBe("queued");
      expect((await balanceOf(owner.userId)).held).toBe(before.held + body.analysis.priceCredits);
      const deleted = await owner.client.request("DELETE", `/api/documents/${upload.document.id}`);
      expect(deleted.status).toBe(204);
      return body.analysis;
    });
    expect(await entriesForAnalysis(analysis.id)).toEqual([
      { kind: "hold", amount: analysis.priceCredits },
      { kind: "release", amount: analysis.priceCredits },
    ]);
    const after = await balanceOf(owner.userId);
    expect({ available: after.available, held: after.held }).toEqual({
      available: before.available,
      held: before.held,
    });
    // The queue resumed: if a job was left, it finds a cancelled analysis and does nothing.
    await new Promise((r) => setTimeout(r, 1_500));
    const [row] = await db.execute<{ status: string; memo: string | null }>(
      sql`select status::text, memo_markdown as memo from analyses where id = ${analysis.id}`,
    );
    expect(row).toEqual({ status: "cancelled", memo: null });
    await expectGone(owner.client, analysis);
  });

  it("deletes a running analysis: released in the same transaction, the worker never captures", async () => {
    const upload = await uploadContract(owner.client, 3);
    const { body } = await confirm(owner.client, upload.document.id);
    await waitFor(
      () => getAnalysis(owner.client, body.analysis.id),
      (a) => a.status === "running" && a.progress.stepIndex >= 2,
      { what: "analysis to be running" },
    );
    const deleted = await owner.client.request("DELETE", `/api/analyses/${body.analysis.id}`);
    expect(deleted.status).toBe(204);
    // Released at once, not at the worker's next check.
    expect(await entriesForAnalysis(body.analysis.id)).toEqual([
      { kind: "hold", amount: body.analysis.priceCredits },
      { kind: "release", amount: body.analysis.priceCredits },
    ]);
    // The worker still running it finishes its job fenced out: no memo, no capture, ever.
    await waitFor(
      () => jobState(body.analysis.id),
      (state) =>
        !["active", "waiting", "delayed", "prioritized", "waiting-children"].includes(state),
      { timeoutMs: 60_000, what: "the job to stop" },
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const [row] = await db.execute<{
      status: string;
      memo: string | null;
      result: unknown;
      findings: number;
    }>(sql`select status::text, memo_markdown as memo, result,
        (select count(*)::int from analysis_chunks
          where analysis_id = a.id and findings is not null) as findings
      from analyses a where id = ${body.analysis.id}`);
    expect(row).toEqual({ status: "cancelled", memo: null, result: null, findings: 0 });
    expect(await entriesForAnalysis(body.analysis.id)).toEqual([
      { kind: "hold", amount: body.analysis.priceCredits },
      { kind: "release", amount: body.analysis.priceCredits },
    ]);
    await expectGone(owner.client, body.analysis);
    const ledger = await checkLedger();
    expect(ledger.violations).toEqual([]);
  });
});

describe("deleting the analyses of a bulk upload", () => {
  it("keeps the batch while one remains, then answers 404 and forgets its names", async () => {
    const user = await newUser();
    const marker = `zqb${randomUUID().replaceAll("-", "")}`;
    const form = new FormData();
    // Two different files (a batch reads the same bytes once).
    for (const name of [`${marker}-a.txt`, `${marker}-b.txt`]) {
      const text = `${markedText(marker)}\nThis copy is ${name}.`;
      form.append("file", new Blob([text], { type: "text/plain" }), name);
    }
    // A refused file is listed by name among the batch's problems.
    form.append("file", new Blob([new Uint8Array([0x4d, 0x5a, 0x90, 0])]), `${marker}-c.exe`);
    const created = await user.client.json<{ batch: BatchView }>("POST", "/api/batches", {
      multipart: form,
    });
    expect(created.status).toBe(201);
    const batch = created.body.batch;
    expect(batch.files).toHaveLength(2);
    expect(batch.problems).toHaveLength(1);
    const confirmed = await user.client.request("POST", `/api/batches/${batch.id}/confirm`, {
      headers: { "idempotency-key": randomUUID() },
    });
    expect(confirmed.status).toBe(202);
    for (const file of batch.files) {
      await waitForStatus(user.client, file.analysisId, ["succeeded"]);
    }

    const [first, second] = batch.files;
    expect((await user.client.request("DELETE", `/api/analyses/${first!.analysisId}`)).status).toBe(
      204,
    );
    const remaining = await user.client.json<{ batch: BatchView }>(
      "GET",
      `/api/batches/${batch.id}`,
    );
    expect(remaining.body.batch.files.map((f) => f.analysisId)).toEqual([second!.analysisId]);
    expect((await user.client.request("GET", `/api/batches/${batch.id}/memos.zip`)).status).toBe(
      200,
    );

    expect(
      (await user.client.request("DELETE", `/api/documents/${second!.documentId}`)).status,
    ).toBe(204);
    expect((await user.client.request("GET", `/api/batches/${batch.id}`)).status).toBe(404);
    expect((await user.client.request("GET", `/api/batches/${batch.id}/memos.zip`)).status).toBe(
      404,
    );
    const list = await user.client.json<{ batches: BatchSummary[] }>("GET", "/api/batches");
    expect(list.body.batches.map((b) => b.id)).not.toContain(batch.id);
    expect(await whereMarkerRemains(marker)).toEqual([]);
    expect((await checkLedger()).violations).toEqual([]);
  });
});

describe("deleting an account", () => {
  it("purges everything, ends every session, frees the e-mail and keeps an anonymised ledger", async () => {
    const user = await newUser();
    const marker = `zqa${randomUUID().replaceAll("-", "")}`;
    const upload = await uploadMarked(user.client, marker);
    const { body } = await confirm(user.client, upload.document.id);
    await waitForStatus(user.client, body.analysis.id, ["succeeded", "failed"]);
    const running = await uploadContract(user.client, 3);
    const started = await confirm(user.client, running.document.id);
    const cookie = user.client.cookieHeader();

    const wrong = await user.client.json<{ error: { code: string; message: string } }>(
      "DELETE",
      "/api/me",
      { json: { password: "not my password" } },
    );
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toMatch(/password is not correct/i);
    expect((await user.client.request("GET", "/api/analyses")).status).toBe(200);

    const deleted = await user.client.request("DELETE", "/api/me", {
      json: { password: user.password },
    });
    expect(deleted.status).toBe(204);

    // The old cookie is dead on the very next request; signing in fails like a wrong password.
    const next = await fetch(`${baseUrl}/api/analyses`, { headers: { cookie } });
    expect(next.status).toBe(401);
    await expect(new ApiClient(baseUrl).signIn(user.email, user.password)).rejects.toThrow();

    expect(await whereMarkerRemains(marker)).toEqual([]);
    const [account] = await db
      .select({
        email: users.email,
        name: users.name,
        deletedAt: users.deletedAt,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .where(eq(users.id, user.userId));
    expect(account?.email).toBe(deletedEmailFor(user.userId));
    expect(account?.name).toBeNull();
    expect(account?.deletedAt).not.toBeNull();
    expect(account?.disabledAt).not.toBeNull();
    const [left] = await db.execute<{
      live_sessions: number;
      blobs: number;
      live_documents: number;
      entries: number;
    }>(sql`select
        (select count(*)::int from user_sessions
          where user_id = ${user.userId} and revoked_at is null) as live_sessions,
        (select count(*)::int from document_blobs b join documents d on d.id = b.document_id
          where d.user_id = ${user.userId}) as blobs,
        (select count(*)::int from documents
          where user_id = ${user.userId} and deleted_at is null) as live_documents,
        (select count(*)::int from credit_entries where user_id = ${user.userId}) as entries`);
    expect(left).toMatchObject({ live_sessions: 0, blobs: 0, live_documents: 0 });
    // Grant, two holds, a capture or release each: the financial record stays.
    expect(left?.entries).toBeGreaterThanOrEqual(5);
    // The analysis that was active was released by the deletion (never captured later).
    const entries = await entriesForAnalysis(started.body.analysis.id);
    expect(entries.map((e) => e.kind)).toEqual(["hold", "release"]);
    expect((await balanceOf(user.userId)).held).toBe(0);

    // The e-mail is free again.
    const again = await ApiClient.signUp(baseUrl, {
      email: user.email,
      password: "a new password 1",
    });
    expect((await again.client.request("GET", "/api/analyses")).status).toBe(200);

    expect((await checkLedger()).violations).toEqual([]);
  });

  it("refuses the last active admin (409) and keeps the account", async () => {
    const email = `admin-${randomUUID()}@example.com`;
    const password = `admin password ${randomUUID().slice(0, 8)}`;
    const { userId } = await createUser({ email, password, role: "admin" });
    const client = new ApiClient(baseUrl);
    await client.signIn(email, password);
    // Other active admins of this stack step aside for the test (restored right after).
    const others = await db.execute<{ id: string }>(sql`update users set disabled_at = now()
      where role = 'admin' and id <> ${userId} and disabled_at is null and deleted_at is null
      returning id`);
    try {
      const refused = await client.json<{ error: { code: string; message: string } }>(
        "DELETE",
        "/api/me",
        { json: { password } },
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/last active administrator/i);
    } finally {
      for (const { id } of others) {
        await db.execute(sql`update users set disabled_at = null where id = ${id}`);
      }
    }
    expect((await client.request("GET", "/api/admin/queue")).status).toBe(200);
    const [row] = await db
      .select({ deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, userId));
    expect(row?.deletedAt).toBeNull();
  });
});

describe("retention (DOCUMENT_RETENTION_DAYS)", () => {
  let user: Awaited<ReturnType<typeof newUser>>;
  beforeAll(async () => {
    user = await newUser();
  });

  it("purges old uploads' bytes, keeps the memo, and refuses a new analysis of them", async () => {
    const marker = `zqr${randomUUID().replaceAll("-", "")}`;
    const analysed = await uploadMarked(user.client, marker);
    const { body } = await confirm(user.client, analysed.document.id);
    await waitForStatus(user.client, body.analysis.id, ["succeeded"]);
    const quotedOnly = await uploadMarked(user.client, `${marker}q`);
    await db.execute(sql`update documents set created_at = now() - interval '40 days'
      where id in (${analysed.document.id}, ${quotedOnly.document.id})`);

    const pass = await purgeExpiredDocuments({ retentionDays: 30 });
    expect(pass.documents).toBeGreaterThanOrEqual(2);
    const stored = await db.execute<{ id: string; purged: boolean; blobs: number }>(sql`
      select d.id, d.bytes_purged_at is not null as purged,
        (select count(*)::int from document_blobs where document_id = d.id) as blobs
      from documents d where d.id in (${analysed.document.id}, ${quotedOnly.document.id})
      order by d.created_at`);
    expect(stored.map((s) => [s.purged, s.blobs])).toEqual([
      [true, 0],
      [true, 0],
    ]);
    // A second pass finds nothing more of these.
    expect((await purgeExpiredDocuments({ retentionDays: 30 })).documents).toBe(0);

    // The memo stays; the analysis says its file is no longer stored.
    const view = await getAnalysis(user.client, body.analysis.id);
    expect(view.documentStored).toBe(false);
    expect(view.hasMemo).toBe(true);
    expect(
      (await user.client.request("GET", `/api/analyses/${body.analysis.id}/memo?format=md`)).status,
    ).toBe(200);
    // Nothing can be read from, or started on, the removed bytes: a clear error.
    const refused = await confirm(user.client, quotedOnly.document.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/original file was removed.*upload it again/i);
    const unit = await user.client.json<{ error: { message: string } }>(
      "GET",
      `/api/documents/${analysed.document.id}/units/1`,
    );
    expect(unit.status).toBe(404);
    expect(unit.body.error.message).toMatch(/original file was removed/i);

    // Audited as the system's action, counts only.
    const audit = await listAdminActions({ page: 0, pageSize: 25 });
    const purge = audit.items.find((a) => a.kind === "purge_documents");
    expect(purge?.actorEmail).toBeNull();
    expect(purge?.data).toMatchObject({ retentionDays: 30 });
  });
});
