/**
 * `npm run bench:journey` — latency of the user-facing journey on a private production stack
 * (its own database and queue prefix, one real worker, no artificial step delay):
 *   1. upload → quote for the largest contract PDFs in ../shared/contracts (by bytes and by pages);
 *   2. confirm → first progress (analysis claimed by the worker) on an idle system, from the
 *      database's own timestamps (confirmed_at → started_at), so polling adds no error.
 * Prints a Markdown table; results are copied into bench/RESULTS.md.
 */
import os from "node:os";
import postgres from "postgres";
import { ApiClient } from "@/tests/support/api-client";
import { contractPdfs, readContract } from "@/tests/support/contracts";
import { startTestStack } from "@/tests/support/test-stack";
import { waitFor } from "@/tests/support/wait-for";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

const stack = await startTestStack({
  name: "bench",
  port: 30_000 + Math.floor(Math.random() * 1_000),
  workers: 1,
});
const sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
try {
  const { client } = await ApiClient.signUp(stack.baseUrl);
  await sql`update credit_balances set available = available + 100000, granted = granted + 100000`;

  const pdfs = contractPdfs();
  const byBytes = pdfs.at(-1)!;
  const withPages = await Promise.all(
    pdfs.map(async (p) => {
      const r = await client.upload(readContract(p.file), p.name, "application/pdf");
      const body = (await r.json()) as { document: { pageCount: number } };
      return { ...p, pages: body.document.pageCount };
    }),
  );
  const byPages = withPages.sort((a, b) => b.pages - a.pages)[0]!;

  const rows: string[] = [];
  const documentIds: string[] = [];
  for (const [label, contract] of [
    ["largest by bytes", byBytes],
    ["most pages", byPages],
  ] as const) {
    const bytes = readContract(contract.file);
    const times: number[] = [];
    let pages = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const response = await client.upload(bytes, contract.name, "application/pdf");
      const body = (await response.json()) as { document: { id: string; pageCount: number } };
      times.push(performance.now() - started);
      pages = body.document.pageCount;
      documentIds.push(body.document.id);
    }
    rows.push(
      `| upload → quote, ${label}: ${contract.name.slice(0, 40)}… (${(contract.bytes / 1024).toFixed(0)} KB, ${pages} pages) | ${RUNS} | ${ms(pct(times, 50))} | ${ms(pct(times, 95))} |`,
    );
  }

  const firstProgress: number[] = [];
  for (const documentId of documentIds.slice(0, RUNS)) {
    const { body } = await client.json<{ analysis: { id: string } }>("POST", "/api/analyses", {
      json: { documentId },
    });
    const id = body.analysis.id;
    await waitFor(
      async () => (await sql`select status from analyses where id = ${id}`)[0]?.status as string,
      (s) => s === "succeeded" || s === "failed",
      { intervalMs: 50, what: "analysis to finish" },
    );
    const [row] =
      await sql`select extract(epoch from started_at - confirmed_at) * 1000 as ms from analyses where id = ${id}`;
    firstProgress.push(Number(row!.ms));
  }
  rows.push(
    `| confirm → first progress (idle system, sequential) | ${firstProgress.length} | ${ms(pct(firstProgress, 50))} | ${ms(pct(firstProgress, 95))} |`,
  );

  console.log(
    `\nbench: journey latency — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, node ${process.version}`,
  );
  console.log("| measurement | runs | p50 | p95 |\n|---|---|---|---|");
  for (const row of rows) console.log(row);
} finally {
  await sql.end();
  await stack.stop();
}
