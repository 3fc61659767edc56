/**
 * `npm run bench:scale` — analyses/s on the real sample contracts (../shared/contracts, CUAD: 40
 * PDFs, 748 pages; see its ATTRIBUTION.txt) with 1, 2 and 4 worker processes (each running
 * `WORKER_CONCURRENCY`, default 2, jobs at a time) on a private production stack.
 * For each configuration: a warm-up batch (JIT, pdf.js), then all 40 contracts confirmed at once
 * through the API; throughput = 40 / (last `finished_at` − first `confirmed_at`), from the
 * database. Baseline: one worker process, in the same run.
 */
import { startBenchStack } from "@/bench/support/bench-stack";
import { inParallel, machineLine } from "@/bench/support/bench-utils";
import { contractPdfs, readContract } from "@/tests/support/contracts";
import { confirm } from "@/tests/support/journey";
import { waitFor } from "@/tests/support/wait-for";

const WORKER_COUNTS = [1, 2, 4];
const WARMUP = 6;

const bench = await startBenchStack("bench_scale", { workers: 0 });
const { sql } = bench;

try {
  const client = await bench.signUpWithCredits();
  const contracts = contractPdfs();
  const pages = { total: 0 };

  /** Uploads `files`, confirms them all at once, waits; returns analyses/s from the database. */
  const analyzeAll = async (files: typeof contracts) => {
    const documentIds: string[] = [];
    await inParallel(files.length, 4, async (i) => {
      const file = files[i]!;
      const response = await client.upload(readContract(file.file), file.name, "application/pdf");
      const body = (await response.json()) as { document: { id: string; pageCount: number } };
      if (response.status !== 201) throw new Error(`upload failed: ${JSON.stringify(body)}`);
      documentIds.push(body.document.id);
      pages.total += body.document.pageCount;
    });
    const ids: string[] = [];
    await inParallel(documentIds.length, documentIds.length, async (i) => {
      const { body } = await confirm(client, documentIds[i]!);
      ids.push(body.analysis.id);
    });
    await waitFor(
      async () =>
        (
          await sql`
          select count(*)::int as n from analyses
          where id = any(${ids}) and status in ('succeeded', 'failed', 'cancelled')`
        )[0]?.n,
      (n) => n === ids.length,
      { intervalMs: 50, timeoutMs: 300_000, what: "the batch to finish" },
    );
    const [row] = await sql`
      select count(*) filter (where status = 'succeeded')::int as succeeded,
        extract(epoch from max(finished_at) - min(confirmed_at)) as seconds
      from analyses where id = any(${ids})`;
    if (row?.succeeded !== ids.length) throw new Error(`${ids.length - row?.succeeded} failed`);
    return ids.length / Number(row.seconds);
  };

  const results: { workers: number; perSecond: number }[] = [];
  for (const count of WORKER_COUNTS) {
    await bench.replaceWorkers(count);
    await analyzeAll(contracts.slice(0, WARMUP * count));
    pages.total = 0;
    results.push({ workers: count, perSecond: await analyzeAll(contracts) });
  }

  const baseline = results[0]!.perSecond;
  console.log(`\nbench:scale — ${machineLine()}`);
  console.log(
    `${contracts.length} real contracts (${pages.total} pages) confirmed at once per configuration, after a warm-up`,
  );
  console.log("| worker processes | analyses/s | pages/s | vs 1 worker |\n|---|---|---|---|");
  for (const { workers: n, perSecond } of results) {
    console.log(
      `| ${n} | ${perSecond.toFixed(2)} | ${((perSecond * pages.total) / contracts.length).toFixed(0)} | ${(perSecond / baseline).toFixed(2)} |`,
    );
  }
  console.log(
    `bench: scale-out ${results.map((r) => `${r.workers}w ${r.perSecond.toFixed(1)}/s`).join(", ")}; ratio 2w/1w ${(results[1]!.perSecond / baseline).toFixed(2)}, 4w/1w ${(results[2]!.perSecond / baseline).toFixed(2)}`,
  );
} finally {
  await bench.stop();
}
