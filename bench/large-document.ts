/**
 * `npm run bench:large` — big documents through the real stack (issue: chunked fan-out).
 *   1. Wall time of a 300-page analysis (confirm → finished, database timestamps) with 1, 2 and
 *      4 worker processes, against the same document analyzed in one pass by one worker.
 *   2. Worker memory on a 500-page PDF: RSS of the worker process sampled every 50 ms, chunked
 *      and in one pass, over consecutive runs (a leak would show as a rising floor).
 * The PDFs are real: pages of the CUAD sample contracts copied into one file (pdf-lib).
 * Prints Markdown tables for bench/RESULTS.md.
 */
import fs from "node:fs";
import os from "node:os";
import { startBenchStack } from "@/bench/support/bench-stack";
import { makeLargeContractPdf } from "@/tests/support/large-contract-pdf";
import { waitFor } from "@/tests/support/wait-for";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WORKER_COUNTS = [1, 2, 4];
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

const bench = await startBenchStack("bench_large", { workers: 0 });
const { sql } = bench;
try {
  const client = await bench.signUpWithCredits();

  /** Upload + confirm + wait; returns the wall time from the database and the page count. */
  const analyze = async (pdf: Uint8Array, name: string, onTick?: () => void) => {
    const upload = await client.upload(pdf, name, "application/pdf");
    if (upload.status !== 201)
      throw new Error(`upload failed: ${upload.status} ${await upload.text()}`);
    const { document } = (await upload.json()) as { document: { id: string; pageCount: number } };
    const { body } = await client.json<{ analysis: { id: string } }>("POST", "/api/analyses", {
      json: { documentId: document.id, rerun: true, acknowledgeWarning: true },
    });
    const id = body.analysis.id;
    await waitFor(
      async () => {
        onTick?.();
        return (await sql`select status from analyses where id = ${id}`)[0]?.status as string;
      },
      (s) => s === "succeeded" || s === "failed",
      { intervalMs: 50, timeoutMs: 300_000, what: `analysis of ${name}` },
    );
    const [row] = await sql`
      select status, chunks_total, extract(epoch from finished_at - confirmed_at) * 1000 as ms
      from analyses where id = ${id}`;
    if (row?.status !== "succeeded") throw new Error(`analysis of ${name} ended ${row?.status}`);
    return { ms: Number(row.ms), chunks: Number(row.chunks_total), pages: document.pageCount };
  };

  // 1. A 300-page document: one pass vs chunks across 1, 2 and 4 worker processes.
  const pdf300 = await makeLargeContractPdf(300);
  const rows: string[] = [];
  // Workers are long-lived: each configuration gets one unmeasured run to warm up (JIT, pdf.js).
  await bench.replaceWorkers(1, { CHUNK_PAGES: "100000" });
  await analyze(pdf300, "warm-up.pdf");
  const singlePass: number[] = [];
  for (let i = 0; i < RUNS; i++) singlePass.push((await analyze(pdf300, "300-pages.pdf")).ms);
  const baseline = median(singlePass);
  rows.push(`| one pass, 1 worker (baseline) | 1 | ${seconds(baseline)} | 1.00 |`);
  for (const count of WORKER_COUNTS) {
    await bench.replaceWorkers(count);
    for (let i = 0; i < count; i++) await analyze(pdf300, "warm-up.pdf");
    const times: number[] = [];
    let chunks = 0;
    for (let i = 0; i < RUNS; i++) {
      const run = await analyze(pdf300, "300-pages.pdf");
      times.push(run.ms);
      chunks = run.chunks;
    }
    const m = median(times);
    rows.push(
      `| ${chunks} chunks of 40 pages, ${count} worker${count > 1 ? "s" : ""} | ${chunks} | ${seconds(m)} | ${(baseline / m).toFixed(2)} |`,
    );
  }

  // 2. Memory on a 500-page PDF, one worker process (2 jobs at a time, the default).
  const pdf500 = await makeLargeContractPdf(500);
  const memoryRows: string[] = [];
  for (const [label, env] of [
    ["chunked (13 × 40 pages)", {}],
    ["one pass", { CHUNK_PAGES: "100000" }],
  ] as const) {
    const [worker] = await bench.replaceWorkers(1, env);
    const pid = worker?.pid ?? 0;
    const idle = rssKb(pid);
    const peaks: number[] = [];
    const afters: number[] = [];
    let took = 0;
    for (let i = 0; i < RUNS; i++) {
      let peak = 0;
      const run = await analyze(pdf500, "500-pages.pdf", () => {
        peak = Math.max(peak, rssKb(pid));
      });
      took = run.ms;
      peaks.push(peak);
      afters.push(rssKb(pid));
    }
    memoryRows.push(
      `| ${label} | ${mb(idle)} | ${peaks.map(mb).join(", ")} | ${mb(Math.max(...peaks) - idle)} | ${afters.map(mb).join(", ")} | ${seconds(took)} |`,
    );
  }

  console.log(
    `\n## Big documents — \`npm run bench:large\` (${new Date().toISOString().slice(0, 10)})`,
  );
  console.log(
    `Machine: ${os.cpus().length} cores, Node ${process.version}; ${RUNS} runs each, median.`,
  );
  console.log(
    `\n300-page PDF (${(pdf300.length / 1024 / 1024).toFixed(1)} MB), confirm → finished:\n`,
  );
  console.log("| configuration | chunks | wall time | speed-up vs one pass |");
  console.log("|---|---|---|---|");
  for (const row of rows) console.log(row);
  console.log(
    `\n500-page PDF (${(pdf500.length / 1024 / 1024).toFixed(1)} MB), worker process RSS:\n`,
  );
  console.log("| mode | idle | peak per run | peak − idle | after each run | last wall time |");
  console.log("|---|---|---|---|---|---|");
  for (const row of memoryRows) console.log(row);
} finally {
  await bench.stop();
}
