/**
 * `npm run bench:uploads` — what heavy uploads cost everyone else. Status polls (`GET
 * /api/analyses/:id`, what every open tab asks every 2 s) from 20 tabs polling every second,
 * first on an idle server, then while 4 clients upload continuously, one upload each in flight,
 * alternating a 25 MB PDF (a contract plus scanned pages) and a 500-page PDF — the largest
 * uploads the limits allow. Documents are read in the reader pool's child processes; the web's
 * own share is receiving the body, hashing it and storing it. Loopback only, bounded in time.
 * Prints `bench: status under uploads p50 X ms p99 Y ms, idle p99 Z ms`.
 */
import { startBenchStack } from "@/bench/support/bench-stack";
import { inParallel, machineLine, percentile } from "@/bench/support/bench-utils";
import { type Poll, pollLikeTabs } from "@/bench/support/polling-tabs";
import { makeSizedContractPdf } from "@/bench/support/sized-contract-pdf";
import { ApiClient } from "@/tests/support/api-client";
import { contractPdfs } from "@/tests/support/contracts";
import { makeLargeContractPdf } from "@/tests/support/large-contract-pdf";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const TABS = 20;
const POLL_EVERY_MS = 1_000;
const UPLOADERS = 4;

const bench = await startBenchStack("bench_uploads", { workers: 0 });
const { stack } = bench;
try {
  // Polls of real analyses (quoted: uploaded, not confirmed), each with its owner's cookie.
  const polls: Poll[] = [];
  await inParallel(10, 5, async (u) => {
    const { client } = await ApiClient.signUp(stack.baseUrl);
    for (let a = 0; a < 2; a++) {
      const upload = await client.upload(
        new TextEncoder().encode(`Services Agreement ${u}-${a}. Customer shall pay $100.`),
        `contract-${a}.txt`,
        "text/plain",
      );
      const { quote } = (await upload.json()) as { quote: { analysisId: string } };
      const path = `/api/analyses/${quote.analysisId}`;
      const response = await client.request("GET", path);
      polls.push({ path, cookie: client.cookieHeader(), etag: response.headers.get("etag") ?? "" });
    }
  });
  const contract = contractPdfs().at(-1)!;
  const files = [
    { label: "25 MB", pdf: await makeSizedContractPdf(contract.file, 25_000_000) },
    { label: "500 pages", pdf: await makeLargeContractPdf(500) },
  ];
  const uploaders = await Promise.all(
    Array.from({ length: UPLOADERS }, () => bench.signUpWithCredits()),
  );
  // Warm-up, not measured: the route bundles, a reader child, pdf.js's JIT in it.
  await uploaders[0]!.upload(files[1]!.pdf, "warm.pdf", "application/pdf");
  const poll = () =>
    pollLikeTabs({
      baseUrl: stack.baseUrl,
      tabs: TABS,
      everyMs: POLL_EVERY_MS,
      seconds: SECONDS,
      polls,
      revalidate: true,
    });

  const idle = await poll();

  let uploading = true;
  const uploadTimes: Record<string, number[]> = { "25 MB": [], "500 pages": [] };
  const statuses = new Map<number, number>();
  const uploads = uploaders.map(async (client, i) => {
    for (let n = i; uploading; n++) {
      const file = files[n % files.length]!;
      const started = performance.now();
      const response = await client.upload(file.pdf, `${file.label}.pdf`, "application/pdf");
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status === 201) uploadTimes[file.label]!.push(performance.now() - started);
    }
  });
  const busy = await poll();
  uploading = false;
  await Promise.all(uploads);

  if (idle.errors + busy.errors > 0) throw new Error(`${idle.errors + busy.errors} polls failed`);
  const ms = (n: number) => n.toFixed(0);
  console.log(`\nbench:uploads — ${machineLine()}`);
  console.log(`| status polls (${TABS} tabs, 1/s) | polls | p50 | p99 | max |`);
  console.log("|---|---|---|---|---|");
  for (const [label, run] of [
    ["idle server", idle],
    [`${UPLOADERS} clients uploading`, busy],
  ] as const) {
    console.log(
      `| ${label} | ${run.latencies.length} | ${ms(percentile(run.latencies, 50))} ms | ${ms(percentile(run.latencies, 99))} ms | ${ms(Math.max(...run.latencies))} ms |`,
    );
  }
  for (const [label, times] of Object.entries(uploadTimes)) {
    if (times.length > 0) {
      console.log(
        `upload → quote ${label}: ${times.length} done, p50 ${ms(percentile(times, 50))} ms`,
      );
    }
  }
  console.log(`upload answers: ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(
    `bench: status under uploads p50 ${ms(percentile(busy.latencies, 50))} ms p99 ${ms(percentile(busy.latencies, 99))} ms, idle p99 ${ms(percentile(idle.latencies, 99))} ms`,
  );
} finally {
  await bench.stop();
}
