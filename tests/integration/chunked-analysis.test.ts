import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTerminal } from "@/lib/analyses/analysis-status";
import type { AnalysisResult } from "@/lib/analysis/result-schema";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { ApiClient } from "@/tests/support/api-client";
import { contractPdfs, readContract } from "@/tests/support/contracts";
import {
  confirm,
  getAnalysis,
  type UploadResponse,
  uploadContractNamed,
  waitForStatus,
} from "@/tests/support/journey";
import { sampleContract, withScannedPages } from "@/tests/support/scanned-pdf";
import { deleteQueueKeys, startTestStack, type TestStack } from "@/tests/support/test-stack";
import { waitFor } from "@/tests/support/wait-for";

/**
 * Big documents fan out (design.md "Chunked work"), on a stack of its own: 10-page chunks, two
 * worker processes with one slot each, every step and chunk slowed to 1 s so progress and
 * cancel can be watched, and injected faults — chunk 1 of every chunked analysis fails its
 * first claim, chunk 5 (documents over 50 pages) fails every claim.
 */
let stack: TestStack;
let sql: postgres.Sql;
let client: ApiClient;

beforeAll(async () => {
  stack = await startTestStack({
    name: "chunks",
    port: 12_000 + Math.floor(Math.random() * 4_000),
    workers: 2,
    workerEnv: {
      CHUNK_PAGES: "10",
      WORKER_CONCURRENCY: "1",
      ANALYSIS_STEP_DELAY_MS: "1000",
      TEST_FAIL_CHUNK: "1:1,5:99",
      // The stack waits for the worker's "ready" line (this process runs with LOG_LEVEL=warn).
      LOG_LEVEL: "info",
      // The relay looks after silent analyses quickly, for the lost-Redis-data case.
      MAINTENANCE_INTERVAL_MS: "1000",
      ANALYSIS_ORPHAN_MS: "3000",
    },
  });
  sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
  ({ client } = await ApiClient.signUp(stack.baseUrl));
});

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

const chunksOf = (analysisId: string) =>
  sql<{ chunk_index: number; status: string; attempt: number; worker_id: string | null }[]>`
    select chunk_index, status, attempt, worker_id from analysis_chunks
    where analysis_id = ${analysisId} order by chunk_index`;

const ledgerOf = (analysisId: string) =>
  sql<{ kind: string; amount: number }[]>`
    select kind, amount from credit_entries where analysis_id = ${analysisId} order by id`;

const eventsOf = (analysisId: string) =>
  sql<{ type: string; data: { chunk?: number } | null }[]>`
    select type, data from analysis_events where analysis_id = ${analysisId} order by id`;

describe("a document over the chunk size", { timeout: 180_000 }, () => {
  it("is analyzed in parallel chunks with pages-done progress, a failed chunk retried on its own, charged once", async () => {
    const upload = await uploadContractNamed(client, "MRSFIELDS");
    expect(upload.document.pageCount).toBe(45);
    const confirmed = await confirm(client, upload.document.id, randomUUID());
    expect(confirmed.status).toBe(202);
    const id = confirmed.body.analysis.id;

    const { last, seen } = await waitForStatus(client, id, ["succeeded", "failed"], 90_000);
    expect(last.error).toBeNull();
    expect(last.status).toBe("succeeded");
    const pagesSeen = new Set(
      seen.filter((a) => a.progress.pagesTotal === 45).map((a) => a.progress.pagesDone),
    );
    // Progress counted pages while chunks finished: some values strictly between 0 and 45.
    expect([...pagesSeen].filter((p) => p > 0 && p < 45).length).toBeGreaterThanOrEqual(1);
    expect(last.progress).toMatchObject({
      chunksDone: 5,
      chunksTotal: 5,
      pagesDone: 45,
      percent: 100,
    });

    const chunks = await chunksOf(id);
    expect(chunks.map((c) => [c.chunk_index, c.status])).toEqual(
      [0, 1, 2, 3, 4].map((i) => [i, "done"]),
    );
    // Chunk 0 was analyzed by the parent (it reads those pages to identify the contract);
    // chunk 1 failed once and was retried alone; the others ran once.
    expect(chunks.map((c) => c.attempt)).toEqual([1, 2, 1, 1, 1]);
    // In parallel across both worker processes.
    expect(new Set(chunks.map((c) => c.worker_id)).size).toBe(2);
    // Fanning out and the chunk retry did not spend the analysis's own attempts.
    const [row] = await sql<{ attempt: number; result: AnalysisResult }[]>`
      select attempt, result from analyses where id = ${id}`;
    expect(row?.attempt).toBe(1);
    expect(await ledgerOf(id)).toEqual([
      { kind: "hold", amount: upload.quote.priceCredits },
      { kind: "capture", amount: upload.quote.priceCredits },
    ]);

    // The merged result says what a single pass over the whole document says.
    const pdf = contractPdfs().find((c) => c.name.startsWith("MRSFIELDS"));
    const whole = await runAnalysis(
      await extractDocumentText(readContract(pdf?.file ?? ""), "pdf"),
    );
    const merged = row?.result;
    expect(merged?.identification).toEqual(whole.identification);
    expect(merged?.keyClauses).toEqual(whole.keyClauses);
    expect(merged?.term).toEqual(whole.term);
    expect(merged?.consideration).toEqual(whole.consideration);
    expect(merged?.riskFlags).toEqual(whole.riskFlags);

    const memo = await client.request("GET", `/api/analyses/${id}/memo`);
    expect(memo.status).toBe(200);
    expect(await memo.text()).toContain("ASC 606");
  });

  it("fails clearly and charges nothing when a chunk spends its retries", async () => {
    const upload = await uploadContractNamed(client, "MANUFACTURERSSERVICES");
    expect(upload.document.pageCount).toBe(75);
    const confirmed = await confirm(client, upload.document.id, randomUUID());
    const id = confirmed.body.analysis.id;

    const { last } = await waitForStatus(client, id, ["succeeded", "failed"], 90_000);
    expect(last.status).toBe("failed");
    expect(last.error?.message).toMatch(/Nothing was charged/);
    expect(await ledgerOf(id)).toEqual([
      { kind: "hold", amount: upload.quote.priceCredits },
      { kind: "release", amount: upload.quote.priceCredits },
    ]);
    const chunks = await chunksOf(id);
    expect(chunks.find((c) => c.chunk_index === 5)).toMatchObject({ attempt: 3 });
    expect(chunks.find((c) => c.chunk_index === 5)?.status).not.toBe("done");
  });

  it("stops the remaining chunks when the user cancels", async () => {
    const upload = await uploadContractNamed(client, "GluMobile");
    expect(upload.document.pageCount).toBe(47);
    const confirmed = await confirm(client, upload.document.id, randomUUID());
    const id = confirmed.body.analysis.id;

    // Cancel as soon as the chunks are planned (two run at a time, 1 s each).
    await waitFor(
      () => getAnalysis(client, id),
      (a) => a.progress.chunksTotal > 0 || isTerminal(a.status),
      { timeoutMs: 30_000, what: "chunks planned" },
    );
    expect((await getAnalysis(client, id)).status).toBe("running");
    const cancel = await client.request("POST", `/api/analyses/${id}/cancel`);
    expect(cancel.status).toBe(200);

    const { last } = await waitForStatus(client, id, ["cancelled", "succeeded", "failed"], 60_000);
    expect(last.status).toBe("cancelled");
    expect(await ledgerOf(id)).toEqual([
      { kind: "hold", amount: upload.quote.priceCredits },
      { kind: "release", amount: upload.quote.priceCredits },
    ]);
    const chunks = await chunksOf(id);
    expect(chunks.filter((c) => c.status === "done").length).toBeLessThan(5);
    // No chunk started after the cancel was requested.
    const events = await eventsOf(id);
    const cancelAt = events.findIndex((e) => e.type === "cancel_requested");
    expect(cancelAt).toBeGreaterThan(-1);
    expect(events.slice(cancelAt).filter((e) => e.type === "chunk_started")).toEqual([]);
  });

  it("finishes, charged once, when Redis loses every job mid-way; finished chunks are not redone", async () => {
    const upload = await uploadContractNamed(client, "Antares");
    expect(upload.document.pageCount).toBe(49);
    const confirmed = await confirm(client, upload.document.id, randomUUID());
    const id = confirmed.body.analysis.id;
    const before = await waitFor(
      () => getAnalysis(client, id),
      // Chunk 0 is done by the parent as it fans out; wait for one done by a chunk job.
      (a) => a.progress.chunksDone >= 2 || isTerminal(a.status),
      { timeoutMs: 30_000, intervalMs: 100, what: "a chunk job done" },
    );
    const doneBefore = (await chunksOf(id)).filter((c) => c.status === "done");
    expect(doneBefore.length).toBeGreaterThanOrEqual(2);
    await deleteQueueKeys(stack.redisUrl, stack.queuePrefix);

    const { last, seen } = await waitForStatus(client, id, ["succeeded", "failed"], 90_000);
    expect(last.error).toBeNull();
    expect(last.status).toBe("succeeded");
    // A new attempt claimed it (fanned out twice): the bar never went back, the plan never changed.
    const run = [...before.seen, ...seen].filter((a) => a.status !== "queued");
    const percents = run.map((a) => a.progress.percent);
    expect(percents, percents.join(",")).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(run.map((a) => a.progress.stepCount)).size).toBe(1);
    const chunks = await chunksOf(id);
    expect(chunks.every((c) => c.status === "done")).toBe(true);
    for (const done of doneBefore) {
      expect(chunks.find((c) => c.chunk_index === done.chunk_index)?.attempt).toBe(done.attempt);
    }
    const events = await eventsOf(id);
    expect(events.filter((e) => e.type === "fanned_out").length).toBe(2);
    expect(await ledgerOf(id)).toEqual([
      { kind: "hold", amount: upload.quote.priceCredits },
      { kind: "capture", amount: upload.quote.priceCredits },
    ]);
  });

  it("says it reads scanned pages while its chunks OCR them, counted over the whole document", async () => {
    // 13 pages in chunks of 10 (+1 overlap): the parent reads pages 1–11 (scan on 2) at step 1,
    // chunk 1 reads pages 11–13 (scans on 12 and 13) at step 2, after its injected first failure.
    const bytes = await withScannedPages(sampleContract("CORIOINC"), [2, 12, 13]);
    const response = await client.upload(bytes, "hosting-scanned.pdf", "application/pdf");
    expect(response.status).toBe(201);
    const upload = (await response.json()) as UploadResponse;
    expect(upload.quote.scannedPages).toBe(3);
    const id = (await confirm(client, upload.document.id, randomUUID())).body.analysis.id;

    const { last, seen } = await waitForStatus(client, id, ["succeeded", "failed"], 150_000);
    expect(last.error).toBeNull();
    expect(last.status).toBe("succeeded");
    const reading = seen
      .filter((a) => a.status === "running")
      .map((a) => ({
        step: a.progress.stepIndex,
        read: /^Reading scanned pages (\d+) of (\d+)$/.exec(a.progress.stepName ?? ""),
      }))
      .filter((r) => r.read !== null)
      .map((r) => ({ step: r.step, read: Number(r.read?.[1]), of: Number(r.read?.[2]) }));
    const trace = JSON.stringify(reading);
    // Every label counts the document's 3 scans, never one chunk's share ("1 of 2").
    expect(
      reading.every((r) => r.of === 3),
      trace,
    ).toBe(true);
    // While chunk 1 reads its scans (step 2, "Analyzing pages" before), the page the parent read
    // is already counted.
    expect(
      reading.some((r) => r.step === 2 && r.read >= 1),
      trace,
    ).toBe(true);
    const counts = reading.map((r) => r.read);
    expect(counts, trace).toEqual([...counts].sort((a, b) => a - b));
    // Once all are read, the label is the step's again.
    expect(last.progress.stepName).not.toMatch(/Reading scanned pages/);
    const ocr = await sql<{ page_number: number }[]>`
      select page_number from document_ocr_pages where document_id = ${upload.document.id}
      order by page_number`;
    expect(ocr.map((r) => r.page_number)).toEqual([2, 12, 13]);
  });

  it("leaves the ledger balanced", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/ledger-check.ts"], {
      env: { ...stack.env, LOG_LEVEL: "warn" },
      encoding: "utf8",
    });
    expect(run.stdout).toMatch(/0 violations/);
    expect(run.status).toBe(0);
  });
});
