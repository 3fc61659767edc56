import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import type { BatchView } from "@/lib/batches/batch-view";
import { checkLedger } from "@/lib/billing/check-ledger";
import { db } from "@/lib/db/client";
import { analyses, batches, creditEntries, users } from "@/lib/db/schema";
import { ApiClient } from "@/tests/support/api-client";
import { contractPdfs, readContract } from "@/tests/support/contracts";
import { integrationStack } from "@/tests/support/integration-stack";
import { balanceOf, entriesForAnalysis } from "@/tests/support/ledger";
import { waitFor } from "@/tests/support/wait-for";
import { makeZip } from "@/tests/unit/documents/fixtures";

const { baseUrl } = integrationStack();

type ErrorBody = { code: string; message: string; details?: Record<string, number> };
type BatchAnswer = { batch: BatchView; duplicate?: boolean; error?: ErrorBody };
type UploadFile = { name: string; bytes: Uint8Array; type?: string };

const [firstPdf, secondPdf, thirdPdf] = contractPdfs();
const pdf = (contract: typeof firstPdf) => ({
  name: contract!.name,
  bytes: readContract(contract!.file),
  type: "application/pdf",
});
// A Windows executable's signature: not a contract in any format we read.
const exe: UploadFile = { name: "setup.exe", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]) };

function postBatch(client: ApiClient, files: UploadFile[]) {
  const form = new FormData();
  for (const file of files) {
    form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  }
  return client.json<BatchAnswer>("POST", "/api/batches", { multipart: form });
}

const confirmBatch = (client: ApiClient, id: string, key = randomUUID()) =>
  client.json<BatchAnswer>("POST", `/api/batches/${id}/confirm`, {
    headers: { "idempotency-key": key },
  });

const getBatch = async (client: ApiClient, id: string) => {
  const { status, body } = await client.json<BatchAnswer>("GET", `/api/batches/${id}`);
  expect(status).toBe(200);
  return body.batch;
};

async function signedInWith(credits: number): Promise<{ client: ApiClient; userId: string }> {
  const email = `batch-${randomUUID()}@example.com`;
  const { userId } = await createUser({
    email,
    password: "correct horse battery",
    grantCredits: credits,
  });
  const client = new ApiClient(baseUrl);
  await client.signIn(email, "correct horse battery");
  return { client, userId };
}

const holdsOf = (analysisIds: string[]) =>
  db
    .select({ analysisId: creditEntries.analysisId })
    .from(creditEntries)
    .where(and(inArray(creditEntries.analysisId, analysisIds), eq(creditEntries.kind, "hold")));

describe("bulk upload as batches", () => {
  let alice: ApiClient;
  let aliceId: string;
  let batch: BatchView;

  beforeAll(async () => {
    let email: string;
    ({ client: alice, email } = await ApiClient.signUp(baseUrl));
    aliceId = (await db.select().from(users).where(eq(users.email, email)))[0]!.id;
  });

  it("quotes the good files of a batch and lists a bad one as a free problem", async () => {
    const { status, body } = await postBatch(alice, [pdf(firstPdf), exe, pdf(secondPdf)]);
    expect(status).toBe(201);
    batch = body.batch;
    expect(batch.name).toBe("3 files");
    expect(batch.confirmedAt).toBeNull();
    expect(batch.files.map((f) => f.documentName)).toEqual([firstPdf!.name, secondPdf!.name]);
    expect(batch.files.every((f) => f.status === "quoted" && f.pages > 0)).toBe(true);
    expect(batch.totalCredits).toBe(batch.files.reduce((sum, f) => sum + f.priceCredits, 0));
    expect(batch.problems).toEqual([
      {
        filename: "setup.exe",
        code: "unsupported_type",
        message: expect.stringMatching(/not supported: upload a PDF/),
      },
    ]);
    expect(batch.counts).toMatchObject({ total: 2, quoted: 2, done: 0 });
    // Quoting costs nothing.
    expect(await balanceOf(aliceId)).toMatchObject({ available: 100, held: 0 });

    const list = await alice.json<{ batches: { id: string; problemCount: number }[] }>(
      "GET",
      "/api/batches",
    );
    expect(list.body.batches).toEqual([expect.objectContaining({ id: batch.id, problemCount: 1 })]);
  });

  it("refuses a batch the balance does not cover as a whole, writes nothing, and says how many credits are missing", async () => {
    const total = batch.totalCredits;
    const { client: short, userId } = await signedInWith(total - 1);
    const created = await postBatch(short, [pdf(firstPdf), pdf(secondPdf)]);
    expect(created.status).toBe(201);
    const ids = created.body.batch.files.map((f) => f.analysisId);
    expect(created.body.batch.totalCredits).toBe(total);

    const refused = await confirmBatch(short, created.body.batch.id);
    expect(refused.status).toBe(402);
    expect(refused.body.error?.code).toBe("insufficient_credits");
    expect(refused.body.error?.message).toBe(
      `This batch needs ${total} credits; you have ${total - 1} available — 1 more credit needed. Nothing was charged. Ask your administrator for more credits.`,
    );
    expect(refused.body.error?.details).toEqual({
      price: total,
      available: total - 1,
      missing: 1,
      creditsContact: "your administrator",
    });
    expect(await holdsOf(ids)).toEqual([]);
    expect(await balanceOf(userId)).toMatchObject({ available: total - 1, held: 0, spent: 0 });
    const after = await getBatch(short, created.body.batch.id);
    expect(after.confirmedAt).toBeNull();
    expect(after.files.map((f) => f.status)).toEqual(["quoted", "quoted"]);
  });

  it("confirms once for ten concurrent clicks, holds each contract once, runs all, and zips the memos", async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        confirmBatch(alice, batch.id, i < 5 ? key : randomUUID()),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    const ids = batch.files.map((f) => f.analysisId);
    expect((await holdsOf(ids)).map((h) => h.analysisId).sort()).toEqual([...ids].sort());
    // Confirmed in the batch's order (admission is FIFO by confirmed_at within a user).
    const confirmedOrder = await db
      .select({ id: analyses.id })
      .from(analyses)
      .where(inArray(analyses.id, ids))
      .orderBy(asc(analyses.confirmedAt));
    expect(confirmedOrder.map((r) => r.id)).toEqual(ids);
    expect(await balanceOf(aliceId)).toMatchObject({
      available: 100 - batch.totalCredits,
      held: batch.totalCredits,
    });

    const { last } = await waitFor(
      () => getBatch(alice, batch.id),
      (b) => b.counts.done === b.counts.total,
      { timeoutMs: 90_000, what: "the batch to finish" },
    );
    expect(last.confirmedAt).not.toBeNull();
    expect(last.counts).toMatchObject({ total: 2, done: 2, succeeded: 2, failed: 0 });
    for (const id of ids) {
      expect(await entriesForAnalysis(id)).toEqual([
        { kind: "hold", amount: expect.any(Number) },
        { kind: "capture", amount: expect.any(Number) },
      ]);
    }

    // A retry of the first request after everything finished: the same batch, no new hold.
    const replay = await confirmBatch(alice, batch.id, key);
    expect(replay.status).toBe(202);
    expect(replay.body.duplicate).toBe(true);
    expect(await holdsOf(ids)).toHaveLength(2);

    const zip = await alice.request("GET", `/api/batches/${batch.id}/memos.zip`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(zip.headers.get("content-disposition")).toMatch(
      /^attachment; filename="3 files - memos\.zip"; filename\*=UTF-8''/,
    );
    const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const base = (name: string) => name.replace(/\.[^.]+$/, "");
    expect(Object.keys(entries).sort()).toEqual(
      [`${base(firstPdf!.name)} - memo.md`, `${base(secondPdf!.name)} - memo.md`].sort(),
    );
    for (const bytes of Object.values(entries)) {
      expect(new TextDecoder().decode(bytes)).toMatch(/^# ASC 606 contract memo/);
    }
  });

  it("leaves out a file the user has a memo of already, pointing at it, and quotes the rest", async () => {
    // After the test above, alice has memos of both contracts of her first batch.
    const { status, body } = await postBatch(alice, [
      { ...pdf(firstPdf), name: "renamed.pdf" },
      pdf(thirdPdf),
    ]);
    expect(status).toBe(201);
    expect(body.batch.files.map((f) => f.documentName)).toEqual([thirdPdf!.name]);
    expect(body.batch.problems).toEqual([
      {
        filename: "renamed.pdf",
        code: "analysed_before",
        message:
          "You analyzed this file before and its memo is ready. To analyze it again, upload it on its own. Nothing was charged.",
        analysisId: batch.files[0]!.analysisId,
      },
    ]);
    expect(body.batch.totalCredits).toBe(body.batch.files[0]!.priceCredits);
    // Another user's memo of the same file is no reason to leave it out of theirs.
    const { client: other } = await signedInWith(100);
    const theirs = await postBatch(other, [pdf(firstPdf)]);
    expect(theirs.body.batch.files.map((f) => f.documentName)).toEqual([firstPdf!.name]);
    expect(theirs.body.batch.problems).toEqual([]);
  });

  it("unpacks a ZIP safely: a traversal name and a nested ZIP are problems, the contract is quoted", async () => {
    // A new account: alice has a memo of this contract already (the test above).
    const { client } = await signedInWith(100);
    const archive = await makeZip({
      "../evil.pdf": readContract(firstPdf!.file),
      "inner.zip": await makeZip({ "a.txt": "Agreement. Pay $5." }),
      "contracts/agreement.pdf": readContract(firstPdf!.file),
      "__MACOSX/contracts/._agreement.pdf": "resource fork",
      ".DS_Store": "finder",
    });
    const { status, body } = await postBatch(client, [
      { name: "contracts.zip", bytes: archive, type: "application/zip" },
    ]);
    expect(status).toBe(201);
    expect(body.batch.name).toBe("contracts.zip");
    expect(body.batch.files).toEqual([
      expect.objectContaining({ documentName: "agreement.pdf", status: "quoted" }),
    ]);
    expect(body.batch.problems).toEqual([
      expect.objectContaining({ filename: "contracts.zip: evil.pdf", code: "unsafe_path" }),
      expect.objectContaining({ filename: "contracts.zip: inner.zip", code: "nested_archive" }),
    ]);
    for (const problem of body.batch.problems) {
      expect(problem.message).toMatch(/Nothing was charged\.$/);
    }
  });

  it("quotes a file once when the batch holds it twice, under another name or inside a ZIP", async () => {
    const { client, userId } = await signedInWith(100);
    const same = readContract(firstPdf!.file);
    const { status, body } = await postBatch(client, [
      pdf(firstPdf),
      { name: "copy of it.pdf", bytes: same, type: "application/pdf" },
      {
        name: "contracts.zip",
        bytes: await makeZip({ "again.pdf": same }),
        type: "application/zip",
      },
      pdf(secondPdf),
    ]);
    expect(status).toBe(201);
    expect(body.batch.files.map((f) => f.documentName)).toEqual([firstPdf!.name, secondPdf!.name]);
    expect(body.batch.problems).toEqual([
      {
        filename: "copy of it.pdf",
        code: "duplicate_in_batch",
        message: `The same file as ${firstPdf!.name} in this batch, which is analyzed once. Nothing was charged.`,
      },
      expect.objectContaining({ filename: "again.pdf", code: "duplicate_in_batch" }),
    ]);
    expect(body.batch.totalCredits).toBe(
      body.batch.files.reduce((sum, f) => sum + f.priceCredits, 0),
    );
    // Only the two distinct contracts were quoted: the copies wrote nothing.
    const quoted = await db.select().from(analyses).where(eq(analyses.userId, userId));
    expect(quoted).toHaveLength(2);
  });

  it("two batches holding one contract, confirmed at the same time, pay for it once", async () => {
    const { client, userId } = await signedInWith(100);
    const a = (await postBatch(client, [pdf(firstPdf), pdf(secondPdf)])).body.batch;
    const b = (await postBatch(client, [{ ...pdf(firstPdf), name: "same.pdf" }, pdf(thirdPdf)]))
      .body.batch;
    // Both were made before either was confirmed, so both quote the shared contract.
    expect(a.files).toHaveLength(2);
    expect(b.files).toHaveLength(2);

    const answers = await Promise.all([confirmBatch(client, a.id), confirmBatch(client, b.id)]);
    expect(answers.map((x) => x.status)).toEqual([202, 202]);
    const [first, second] = await Promise.all([getBatch(client, a.id), getBatch(client, b.id)]);
    const sharedOf = (view: BatchView) => view.files[0]!;
    const confirmedShared = [sharedOf(first), sharedOf(second)].filter(
      (f) => f.status !== "cancelled",
    );
    const leftOutShared = [sharedOf(first), sharedOf(second)].filter(
      (f) => f.status === "cancelled",
    );
    expect(confirmedShared).toHaveLength(1);
    expect(leftOutShared).toHaveLength(1);
    const loser = leftOutShared[0] === sharedOf(first) ? first : second;
    expect(loser.problems).toEqual([
      expect.objectContaining({
        code: expect.stringMatching(/^(analysing_elsewhere|analysed_before)$/),
        analysisId: confirmedShared[0]!.analysisId,
        message: expect.stringMatching(/Nothing was charged\.$/),
      }),
    ]);
    // Exactly three holds (shared, second, third); the left-out quote was never held.
    const all = [...first.files, ...second.files].map((f) => f.analysisId);
    const held = (await holdsOf(all)).map((h) => h.analysisId).sort();
    expect(held).toEqual(all.filter((id) => id !== leftOutShared[0]!.analysisId).sort());
    expect(await entriesForAnalysis(leftOutShared[0]!.analysisId)).toEqual([]);
    const prices = [first, second]
      .flatMap((v) => v.files)
      .filter((f) => f.status !== "cancelled")
      .reduce((sum, f) => sum + f.priceCredits, 0);
    const balance = await balanceOf(userId);
    expect(balance.available + balance.held + balance.spent).toBe(100);
    expect(balance.available).toBe(100 - prices);
    expect((await checkLedger()).violations).toEqual([]);
  });

  it("leaves out at confirm a file confirmed on its own after the batch was made", async () => {
    const { client } = await signedInWith(100);
    const made = (await postBatch(client, [pdf(firstPdf), pdf(secondPdf)])).body.batch;
    const upload = (await (
      await client.upload(readContract(firstPdf!.file), "single.pdf", "application/pdf")
    ).json()) as { document: { id: string } };
    const single = await client.json<{ analysis: { id: string } }>("POST", "/api/analyses", {
      json: { documentId: upload.document.id },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(single.status).toBe(202);

    const { status, body } = await confirmBatch(client, made.id);
    expect(status).toBe(202);
    expect(body.duplicate).toBe(false);
    expect(body.batch.files.map((f) => f.status)).toEqual([
      "cancelled",
      expect.stringMatching(/^(queued|running|succeeded)$/),
    ]);
    expect(body.batch.problems).toEqual([
      expect.objectContaining({ filename: firstPdf!.name, analysisId: single.body.analysis.id }),
    ]);
    expect(await entriesForAnalysis(made.files[0]!.analysisId)).toEqual([]);
    expect(await holdsOf([made.files[1]!.analysisId])).toHaveLength(1);
    // A retried confirm answers the same batch and holds nothing more.
    const again = await confirmBatch(client, made.id);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.batch.problems).toHaveLength(1);
    expect(await holdsOf(made.files.map((f) => f.analysisId))).toHaveLength(1);
    // A new batch with it is left out at once: being analysed (or done by now), pointing there.
    const next = (await postBatch(client, [pdf(firstPdf)])).body.batch;
    expect(next.files).toEqual([]);
    expect(next.problems).toEqual([
      expect.objectContaining({
        code: expect.stringMatching(/^(analysing_elsewhere|analysed_before)$/),
        analysisId: single.body.analysis.id,
      }),
    ]);
  });

  it("a batch and a single upload of one contract, confirmed at the same time, pay for it once", async () => {
    const { client, userId } = await signedInWith(100);
    const made = (await postBatch(client, [pdf(firstPdf)])).body.batch;
    const upload = (await (
      await client.upload(readContract(firstPdf!.file), "single.pdf", "application/pdf")
    ).json()) as { document: { id: string } };
    const [batchAnswer, single] = await Promise.all([
      confirmBatch(client, made.id),
      client.json<{ analysis?: { id: string }; error?: ErrorBody }>("POST", "/api/analyses", {
        json: { documentId: upload.document.id },
        headers: { "idempotency-key": randomUUID() },
      }),
    ]);
    expect(batchAnswer.status).toBe(202);
    // Whichever came second under the user's lock was told, for free: a 409 naming the batch's
    // analysis, or the batch's file left out naming the single one.
    if (single.status === 409) {
      expect(single.body.error?.code).toBe("duplicate_document");
      expect(batchAnswer.body.batch.files[0]!.status).not.toBe("cancelled");
    } else {
      expect(single.status).toBe(202);
      expect(batchAnswer.body.batch.files[0]!.status).toBe("cancelled");
    }
    const ours = await db
      .select({ id: analyses.id })
      .from(analyses)
      .where(eq(analyses.userId, userId));
    expect(await holdsOf(ours.map((a) => a.id))).toHaveLength(1);
    expect((await checkLedger()).violations).toEqual([]);
  });

  it("a batch's own file confirmed on its own while the batch is confirmed: one analysis, one hold", async () => {
    const { client } = await signedInWith(100);
    const made = (await postBatch(client, [pdf(firstPdf), pdf(secondPdf)])).body.batch;
    const own = made.files[0]!;
    const [batchAnswer, single] = await Promise.all([
      confirmBatch(client, made.id),
      client.json<{ analysis: { id: string } }>("POST", "/api/analyses", {
        json: { documentId: own.documentId },
        headers: { "idempotency-key": randomUUID() },
      }),
    ]);
    // Whichever came first queued the batch's quote; the other answers with that same analysis.
    expect(batchAnswer.status).toBe(202);
    expect(single.status).toBe(202);
    expect(single.body.analysis.id).toBe(own.analysisId);
    const rows = await db.select().from(analyses).where(eq(analyses.documentId, own.documentId));
    expect(rows).toHaveLength(1);
    expect(await holdsOf(made.files.map((f) => f.analysisId))).toHaveLength(2);
  });

  it("shows a batch to its owner only: another user's batch is 404 everywhere", async () => {
    const { client: bob } = await signedInWith(100);
    for (const [method, path] of [
      ["GET", `/api/batches/${batch.id}`],
      ["POST", `/api/batches/${batch.id}/confirm`],
      ["GET", `/api/batches/${batch.id}/memos.zip`],
    ] as const) {
      expect((await bob.request(method, path)).status, `${method} ${path}`).toBe(404);
    }
    const list = await bob.json<{ batches: unknown[] }>("GET", "/api/batches");
    expect(list.body.batches).toEqual([]);
    const [row] = await db.select().from(batches).where(eq(batches.id, batch.id));
    expect(row?.userId).toBe(aliceId);
  });
});
