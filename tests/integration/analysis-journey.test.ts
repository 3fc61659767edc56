import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, getAnalysis, uploadContract, waitForStatus } from "@/tests/support/journey";
import { entriesForAnalysis } from "@/tests/support/ledger";
import { withPausedQueue } from "@/tests/support/paused-queue";
import { rotStoredDocument } from "@/tests/support/stored-bytes";
import { waitFor } from "@/tests/support/wait-for";

const { baseUrl, redisUrl, queuePrefix } = integrationStack();

type Credits = { balance: { available: number; held: number; spent: number; granted: number } };
const credits = async (client: ApiClient) =>
  (await client.json<Credits>("GET", "/api/me/credits")).body.balance;

describe("a user's analysis journey", () => {
  let client: ApiClient;
  beforeAll(async () => {
    ({ client } = await ApiClient.signUp(baseUrl));
  });

  it("uploads a real contract, pays only when the memo is saved, and can download it", async () => {
    const start = await credits(client);
    expect(start).toEqual({ available: 100, held: 0, spent: 0, granted: 100 });

    const upload = await uploadContract(client);
    expect(upload.document.pageCount).toBeGreaterThan(0);
    expect(upload.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The bytes are streamed into Postgres (COPY in pieces): what is stored is exactly what came.
    const [stored] = await db.execute<{ sha256: string; size: number }>(sql`
      select encode(sha256(bytes), 'hex') as sha256, length(bytes) as size
      from document_blobs where document_id = ${upload.document.id}`);
    expect(stored).toEqual({ sha256: upload.document.sha256, size: upload.document.sizeBytes });
    expect(upload.quote.priceCredits).toBe(Math.max(1, Math.ceil(upload.document.pageCount / 5)));
    expect(upload.quote.availableCredits).toBe(100);

    const confirmed = await confirm(client, upload.document.id, randomUUID());
    expect(confirmed.status).toBe(202);
    const id = confirmed.body.analysis.id;
    expect(id).toBe(upload.quote.analysisId);
    expect(await credits(client)).toMatchObject({
      available: 100 - upload.quote.priceCredits,
      held: upload.quote.priceCredits,
    });

    const { last, seen } = await waitForStatus(client, id, ["succeeded", "failed"]);
    expect(last.status).toBe("succeeded");
    expect(last.progress.percent).toBe(100);
    // Progress moved through the steps while we watched (each step is slowed in the test stack).
    const stepsSeen = new Set(
      seen.filter((a) => a.status === "running").map((a) => a.progress.stepIndex),
    );
    expect(stepsSeen.size).toBeGreaterThanOrEqual(3);

    expect(await entriesForAnalysis(id)).toEqual([
      { kind: "hold", amount: upload.quote.priceCredits },
      { kind: "capture", amount: upload.quote.priceCredits },
    ]);
    expect(await credits(client)).toEqual({
      available: 100 - upload.quote.priceCredits,
      held: 0,
      spent: upload.quote.priceCredits,
      granted: 100,
    });

    // Polling an unchanged analysis costs a 304 with no body.
    const first = await client.request("GET", `/api/analyses/${id}`);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"/);
    const again = await client.request("GET", `/api/analyses/${id}`, {
      headers: { "if-none-match": etag ?? "" },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const stale = await client.request("GET", `/api/analyses/${id}`, {
      headers: { "if-none-match": 'W/"2000-01-01T00:00:00.000Z-running"' },
    });
    expect(stale.status).toBe(200);

    const memo = await client.request("GET", `/api/analyses/${id}/memo`);
    expect(memo.status).toBe(200);
    expect(memo.headers.get("content-type")).toContain("text/markdown");
    expect(memo.headers.get("content-disposition")).toMatch(/^attachment; filename=".+memo\.md"/);
    const markdown = await memo.text();
    expect(markdown).toContain("ASC 606");

    const list = await client.json<{ analyses: { id: string; status: string }[] }>(
      "GET",
      "/api/analyses",
    );
    expect(list.body.analyses.find((a) => a.id === id)?.status).toBe("succeeded");
  });

  it("fails clearly and charges nothing when the stored file turns out unreadable", async () => {
    const before = await credits(client);
    const upload = await uploadContract(client, 1);
    // The bytes rot in storage after the quote: the worker must fail permanently and release.
    await rotStoredDocument(upload.document.id);
    const { body } = await confirm(client, upload.document.id);
    const { last } = await waitForStatus(client, body.analysis.id, ["succeeded", "failed"]);
    expect(last.status).toBe("failed");
    expect(last.error?.message).toMatch(/nothing was charged/i);
    expect(await entriesForAnalysis(body.analysis.id)).toEqual([
      { kind: "hold", amount: upload.quote.priceCredits },
      { kind: "release", amount: upload.quote.priceCredits },
    ]);
    expect(await credits(client)).toEqual(before);
  });

  it("cancels a queued analysis at once and releases the hold", async () => {
    const before = await credits(client);
    const upload = await uploadContract(client, 2);
    const id = await withPausedQueue({ redisUrl, queuePrefix }, async () => {
      const { body } = await confirm(client, upload.document.id);
      expect(body.analysis.status).toBe("queued");
      const cancelled = await client.json<{ analysis: { status: string } }>(
        "POST",
        `/api/analyses/${body.analysis.id}/cancel`,
      );
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.analysis.status).toBe("cancelled");
      expect(await credits(client)).toEqual(before);
      return body.analysis.id;
    });
    // Even if the job was still in Redis, the worker must leave a cancelled analysis alone.
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await getAnalysis(client, id)).status).toBe("cancelled");
    expect(await entriesForAnalysis(id)).toEqual([
      { kind: "hold", amount: upload.quote.priceCredits },
      { kind: "release", amount: upload.quote.priceCredits },
    ]);
  });

  it("cancels a running analysis at the worker's next check and releases the hold", async () => {
    const before = await credits(client);
    const upload = await uploadContract(client, 3);
    const { body } = await confirm(client, upload.document.id);
    await waitFor(
      () => getAnalysis(client, body.analysis.id),
      (a) => a.status === "running" && a.progress.stepIndex >= 2,
      { what: "analysis to be running" },
    );
    const cancel = await client.json<{ analysis: { status: string; cancelRequested: boolean } }>(
      "POST",
      `/api/analyses/${body.analysis.id}/cancel`,
    );
    expect(cancel.status).toBe(200);
    expect(cancel.body.analysis.cancelRequested).toBe(true);
    const { last } = await waitForStatus(client, body.analysis.id, [
      "cancelled",
      "succeeded",
      "failed",
    ]);
    expect(last.status).toBe("cancelled");
    expect(await entriesForAnalysis(body.analysis.id)).toEqual([
      { kind: "hold", amount: upload.quote.priceCredits },
      { kind: "release", amount: upload.quote.priceCredits },
    ]);
    expect(await credits(client)).toEqual(before);
  });

  it("turns ten concurrent confirms of one document into one analysis and one hold", async () => {
    const upload = await uploadContract(client, 4);
    const sharedKey = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        confirm(client, upload.document.id, i % 2 === 0 ? sharedKey : randomUUID()),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(202));
    const ids = new Set(results.map((r) => r.body.analysis.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const holds = (await entriesForAnalysis(id!)).filter((e) => e.kind === "hold");
    expect(holds).toHaveLength(1);
    const rows = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(analyses)
      .where(
        sql`${analyses.documentId} = ${upload.document.id} and ${analyses.status} <> 'quoted'`,
      );
    expect(rows[0]?.n).toBe(1);
    await waitForStatus(client, id!, ["succeeded", "failed", "cancelled"]);
  });

  it("replays an idempotency key and refuses it for another document", async () => {
    const first = await uploadContract(client, 5);
    const second = await uploadContract(client, 6);
    const key = randomUUID();
    const a = await confirm(client, first.document.id, key);
    const replay = await confirm(client, first.document.id, key);
    expect(replay.status).toBe(a.status);
    expect(replay.body.analysis.id).toBe(a.body.analysis.id);
    const misuse = await confirm(client, second.document.id, key);
    expect(misuse.status).toBe(422);
    expect(misuse.body.error?.code).toBe("idempotency_mismatch");
    await waitForStatus(client, a.body.analysis.id, ["succeeded", "failed"]);
  });

  it("refuses to hold more credits than available, says how many are missing, writes nothing", async () => {
    const email = `broke-${randomUUID()}@example.com`;
    await createUser({ email, password: "correct horse battery", grantCredits: 0 });
    const broke = new ApiClient(baseUrl);
    await broke.signIn(email, "correct horse battery");
    const upload = await uploadContract(broke);
    expect(upload.quote.sufficient).toBe(false);

    const refused = await confirm(broke, upload.document.id, randomUUID());
    expect(refused.status).toBe(402);
    expect(refused.body.error?.code).toBe("insufficient_credits");
    expect(refused.body.error?.details).toEqual({
      price: upload.quote.priceCredits,
      available: 0,
      missing: upload.quote.priceCredits,
      creditsContact: "your administrator",
    });
    expect(refused.body.error?.message).toMatch(/more credits? (is|are) needed/);
    expect(await entriesForAnalysis(upload.quote.analysisId)).toEqual([]);
    expect((await getAnalysis(broke, upload.quote.analysisId)).status).toBe("quoted");
    expect(await credits(broke)).toEqual({ available: 0, held: 0, spent: 0, granted: 0 });
  });
});
