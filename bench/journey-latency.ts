/**
 * `npm run bench:journey` — the two waits a user feels, on a private production stack (its own
 * database and queue prefix, `next start`, one real worker, no artificial step delay):
 *   1. upload → quote for 1, 10 and 25 MB PDFs, and a real 500-page one: the whole HTTP request (streamed multipart, type
 *      sniffing, full text extraction to count pages and words, sha256, storing the bytes, the
 *      quote). Baseline: inspecting the same bytes in this process (`inspectDocument`: sniffing,
 *      extraction, sha256) — the work no upload path can skip.
 *   2. confirm → first progress on an idle system: `started_at − confirmed_at` (database
 *      timestamps: commit, enqueue, worker pickup, the claim that writes step 1), one at a time.
 *      Baseline: raw BullMQ on the same Redis — `Queue.add` → its processor starts, idle.
 * The sized PDFs: a real 40-page contract followed by scanned-exhibit pages (random pixels) up to
 * size; the 500-page one: the sample contracts' pages copied into one file.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { startBenchStack } from "@/bench/support/bench-stack";
import { machineLine, percentile } from "@/bench/support/bench-utils";
import { makeSizedContractPdf } from "@/bench/support/sized-contract-pdf";
import { inspectDocumentInProcess } from "@/lib/documents/inspect-document-in-process";
import { contractPdfs } from "@/tests/support/contracts";
import { confirm } from "@/tests/support/journey";
import { makeLargeContractPdf } from "@/tests/support/large-contract-pdf";
import { deleteQueueKeys } from "@/tests/support/test-stack";
import { waitFor } from "@/tests/support/wait-for";

const UPLOAD_RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PROGRESS_RUNS = 20;
const SIZES_MB = [1, 10, 25];
const ms = (n: number) => `${n.toFixed(0)} ms`;
const p50p95 = (values: number[]) =>
  `${ms(percentile(values, 50))} | ${ms(percentile(values, 95))}`;

const bench = await startBenchStack("bench_journey", { workers: 1 });
const { stack, sql } = bench;
try {
  const client = await bench.signUpWithCredits();

  // 1. Upload → quote.
  const contract = contractPdfs().at(-1)!; // the largest by bytes: 40 pages, 603 KB
  const uploadRows: string[] = [];
  const documentIds: string[] = [];
  const uploads: { label: string; pdf: Uint8Array; runs: number }[] = [];
  for (const mb of SIZES_MB) {
    uploads.push({
      label: `${mb} MB`,
      pdf: await makeSizedContractPdf(contract.file, mb * 1_000_000),
      runs: UPLOAD_RUNS,
    });
  }
  // What the quote's wait grows with is pages (every page's text is read), not bytes.
  uploads.push({ label: "500 pages", pdf: await makeLargeContractPdf(500), runs: 5 });
  // One unmeasured upload first: the server's first PDF loads pdf.js and warms its JIT.
  await client.upload(uploads[0]!.pdf, "warm-up.pdf", "application/pdf");
  await inspectDocumentInProcess(uploads[0]!.pdf);
  let summary = "";
  for (const { label, pdf, runs } of uploads) {
    const direct: number[] = [];
    const http: number[] = [];
    let pages = 0;
    for (let i = 0; i < runs; i++) {
      const inspected = performance.now();
      await inspectDocumentInProcess(pdf);
      direct.push(performance.now() - inspected);
      const started = performance.now();
      const response = await client.upload(pdf, `contract-${label}.pdf`, "application/pdf");
      const body = (await response.json()) as { document: { id: string; pageCount: number } };
      http.push(performance.now() - started);
      if (response.status !== 201) throw new Error(`upload failed: ${JSON.stringify(body)}`);
      pages = body.document.pageCount;
      documentIds.push(body.document.id);
    }
    const ratio = (percentile(http, 50) / percentile(direct, 50)).toFixed(2);
    uploadRows.push(
      `| ${(pdf.byteLength / 1e6).toFixed(1)} MB, ${pages} pages | ${runs} | ${p50p95(http)} | ${p50p95(direct)} | ${ratio} |`,
    );
    summary += `${summary ? ", " : ""}${label} p50 ${ms(percentile(http, 50))} p95 ${ms(percentile(http, 95))} (${ratio}× inspecting)`;
  }

  // 2. Confirm → first progress, one at a time on an idle system.
  const ours: number[] = [];
  for (const documentId of documentIds.slice(0, PROGRESS_RUNS)) {
    await sleep(200);
    const { body } = await confirm(client, documentId);
    const id = body.analysis.id;
    await waitFor(
      async () => (await sql`select status from analyses where id = ${id}`)[0]?.status as string,
      (s) => s === "succeeded" || s === "failed",
      { intervalMs: 50, timeoutMs: 60_000, what: "analysis to finish" },
    );
    const [row] = await sql`
      select extract(epoch from started_at - confirmed_at) * 1000 as ms from analyses where id = ${id}`;
    ours.push(Number(row!.ms));
  }
  const raw = await rawPickupLatencies(stack.redisUrl, `${stack.queuePrefix}-raw`, PROGRESS_RUNS);

  console.log(`\nbench:journey — ${machineLine()}`);
  console.log(
    "| upload → quote | runs | p50 | p95 | inspecting in process p50 | p95 | ratio (p50) |\n|---|---|---|---|---|---|---|",
  );
  for (const row of uploadRows) console.log(row);
  console.log("\n| idle system, one at a time | runs | p50 | p95 |\n|---|---|---|---|");
  console.log(`| confirm → first progress | ${ours.length} | ${p50p95(ours)} |`);
  console.log(`| raw BullMQ: add → processor starts | ${raw.length} | ${p50p95(raw)} |`);
  console.log(`bench: upload → quote ${summary}`);
  console.log(
    `bench: first progress p50 ${ms(percentile(ours, 50))} p95 ${ms(percentile(ours, 95))}, raw bullmq pickup p95 ${ms(percentile(raw, 95))}, ratio (p95) ${(percentile(ours, 95) / percentile(raw, 95)).toFixed(1)}`,
  );
} finally {
  await bench.stop();
}

/** Raw BullMQ on an idle queue: milliseconds from `Queue.add` to its processor starting. */
async function rawPickupLatencies(redisUrl: string, prefix: string, runs: number) {
  const producer = new Redis(redisUrl);
  const consumer = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue("pickup", { connection: producer, prefix });
  let started: (at: number) => void = () => {};
  const worker = new Worker(
    "pickup",
    async () => {
      started(performance.now());
    },
    { connection: consumer, prefix },
  );
  await worker.waitUntilReady();
  const latencies: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      await sleep(200);
      const pickedUp = new Promise<number>((resolve) => {
        started = resolve;
      });
      const added = performance.now();
      await queue.add("pickup", { i });
      latencies.push((await pickedUp) - added);
    }
  } finally {
    await worker.close();
    await queue.close();
    // Connections passed in are the caller's to close.
    producer.disconnect();
    consumer.disconnect();
    await deleteQueueKeys(redisUrl, prefix);
  }
  return latencies;
}
