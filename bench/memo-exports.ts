/**
 * `npm run bench:memo-exports` — how long one memo download takes to render in each format, for
 * the results of real contracts: the 40 CUAD sample contracts analysed in process, each memo
 * rendered as Markdown, DOCX and PDF. The first PDF and DOCX are timed apart (module load, font
 * parsing); then every contract is rendered ROUNDS times per format.
 * Prints Markdown; results are copied into bench/RESULTS.md.
 */
import { renderMemoDocx } from "@/lib/analysis/export/render-memo-docx";
import { renderMemoPdf } from "@/lib/analysis/export/render-memo-pdf";
import { buildMemoModel, type MemoMeta } from "@/lib/analysis/memo/build-memo-model";
import { renderMemoMarkdown } from "@/lib/analysis/render-memo-markdown";
import type { AnalysisResult } from "@/lib/analysis/result-schema";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { listContractFiles, loadContract } from "@/tests/unit/analysis/load-contract";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

type Case = { result: AnalysisResult; meta: MemoMeta };
const cases: Case[] = [];
for (const file of listContractFiles()) {
  const text = loadContract(file);
  cases.push({
    result: await runAnalysis(text),
    meta: { documentName: file, pageCount: 10, unitLabel: text.unitLabel, generatedAt: new Date() },
  });
}

const renderers = {
  md: async ({ result, meta }: Case) => Buffer.byteLength(renderMemoMarkdown(result, meta)),
  docx: async ({ result, meta }: Case) =>
    (await renderMemoDocx(buildMemoModel(result, meta))).length,
  pdf: async ({ result, meta }: Case) => (await renderMemoPdf(buildMemoModel(result, meta))).length,
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function timeOne(render: (c: Case) => Promise<number>, c: Case) {
  const started = performance.now();
  const bytes = await render(c);
  return { ms: performance.now() - started, bytes };
}

const first = {
  docx: (await timeOne(renderers.docx, cases[0]!)).ms,
  pdf: (await timeOne(renderers.pdf, cases[0]!)).ms,
};

console.log(`| format | renders | p50 | p95 | max | median size |`);
console.log(`|---|---|---|---|---|---|`);
for (const [format, render] of Object.entries(renderers)) {
  const times: number[] = [];
  const sizes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      const { ms, bytes } = await timeOne(render, c);
      times.push(ms);
      sizes.push(bytes);
    }
  }
  times.sort((a, b) => a - b);
  sizes.sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `| ${format} | ${times.length} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(times.at(-1) ?? 0)} | ${(percentile(sizes, 50) / 1024).toFixed(0)} KB |`,
  );
}
console.log(
  `\nFirst render in a fresh process: DOCX ${first.docx.toFixed(0)} ms, PDF ${first.pdf.toFixed(0)} ms.`,
);
