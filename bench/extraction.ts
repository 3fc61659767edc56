/**
 * `npm run bench:extraction` — our PDF extraction path (lib/documents, per-page units, whitespace
 * normalisation, abort checks, event-loop yields) against calling pdf.js directly (unpdf's bundled
 * build, getTextContent per page) on the same 40 CUAD contracts, in one process, same run.
 * Then peak RSS while extracting a generated 500-page PDF with text on every page.
 * Prints Markdown; results are copied into bench/RESULTS.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDocumentProxy } from "unpdf";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { makeMinimalPdf } from "@/tests/unit/documents/fixtures";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dir = path.resolve(import.meta.dirname, "../../shared/contracts/pdf");
const files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".pdf"));
const corpus = files.map((f) => new Uint8Array(fs.readFileSync(path.join(dir, f))));

async function directPdfjs(bytes: Uint8Array): Promise<number> {
  const pdf = await getDocumentProxy(bytes.slice());
  try {
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    }
    return pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}

async function ours(bytes: Uint8Array): Promise<number> {
  const text = await extractDocumentText(bytes, "pdf", { maxPages: 10_000, maxChars: 50_000_000 });
  return text.pageCount;
}

async function timeCorpus(
  fn: (bytes: Uint8Array) => Promise<number>,
): Promise<{ pages: number; ms: number }> {
  let pages = 0;
  const started = performance.now();
  for (const bytes of corpus) pages += await fn(bytes);
  return { pages, ms: performance.now() - started };
}

// Warm both paths once (module load, font tables), then alternate rounds so drift hits both.
await timeCorpus(directPdfjs);
await timeCorpus(ours);
const direct: number[] = [];
const mine: number[] = [];
let pages = 0;
for (let round = 0; round < ROUNDS; round++) {
  const d = await timeCorpus(directPdfjs);
  const o = await timeCorpus(ours);
  pages = o.pages;
  direct.push(d.pages / (d.ms / 1000));
  mine.push(o.pages / (o.ms / 1000));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Peak RSS while extracting 500 pages of text.
const line =
  "The Licensee shall pay the Licensor a royalty of five percent of Net Sales each quarter.";
const big = makeMinimalPdf({ pages: 500, text: Array.from({ length: 40 }, () => line).join("\n") });
global.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
const started = performance.now();
const extracted = await extractDocumentText(big, "pdf", { maxPages: 500, maxChars: 50_000_000 });
const bigMs = performance.now() - started;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const mb = (n: number) => (n / (1024 * 1024)).toFixed(0);

console.log(
  `\nbench: extraction — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, node ${process.version}`,
);
console.log("| path | pages/s (median of rounds) |\n|---|---|");
console.log(
  `| pdf.js directly (unpdf getDocumentProxy + getTextContent) | ${median(direct).toFixed(0)} |`,
);
console.log(`| ours (extractDocumentText) | ${median(mine).toFixed(0)} |`);
console.log(
  `\n${files.length} contracts, ${pages} pages, ${ROUNDS} rounds; ratio ours/direct ${(median(mine) / median(direct)).toFixed(2)}`,
);
console.log(
  `500-page PDF (${mb(big.byteLength)} MB, ${extracted.wordCount} words): ${(bigMs / 1000).toFixed(1)} s, RSS ${mb(baseline)} → peak ${mb(peak)} MB (+${mb(peak - baseline)} MB)`,
);
