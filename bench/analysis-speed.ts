/**
 * `npm run bench:analysis` — CPU time of the local analysis engine on real contracts from
 * ../shared/contracts (CUAD, CC BY 4.0 — see its ATTRIBUTION.txt): text extraction and the five
 * steps, measured separately with process.cpuUsage() (user + system), in one process, after a
 * warm-up. The issue asks for "a 50-page contract analyzed in a few seconds of CPU".
 */
import os from "node:os";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { contractPdfs, readContract } from "@/tests/support/contracts";

const ROUNDS = Number(process.env.BENCH_RUNS ?? 5);
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;

// The contracts closest to 50 pages, and the longest one.
const all = await Promise.all(
  contractPdfs().map(async (c) => {
    const bytes = readContract(c.file);
    return { ...c, bytes, pages: (await extractDocumentText(bytes, "pdf")).pageCount };
  }),
);
const picks = [...all].sort((a, b) => Math.abs(a.pages - 50) - Math.abs(b.pages - 50)).slice(0, 2);
picks.push([...all].sort((a, b) => b.pages - a.pages)[0]!);

console.log(`| contract | pages | extraction CPU | analysis CPU (5 steps) | total CPU |`);
console.log(`|---|---|---|---|---|`);
for (const contract of picks) {
  const extraction: number[] = [];
  const analysis: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    let start = process.cpuUsage();
    const text = await extractDocumentText(contract.bytes, "pdf");
    const extractMs = cpuMs(start);
    start = process.cpuUsage();
    await runAnalysis(text);
    const analyzeMs = cpuMs(start);
    if (round === 0) continue; // warm-up
    extraction.push(extractMs);
    analysis.push(analyzeMs);
  }
  const e = median(extraction);
  const a = median(analysis);
  console.log(
    `| ${contract.name.slice(0, 48)}… | ${contract.pages} | ${e.toFixed(0)} ms | ${a.toFixed(0)} ms | ${(e + a).toFixed(0)} ms |`,
  );
}
console.log(
  `\n${ROUNDS} rounds after a warm-up, medians; ${os.cpus().length} cores, Node ${process.version}.`,
);
