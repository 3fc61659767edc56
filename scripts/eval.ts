/**
 * `npm run eval -- --dir DIR [--dir DIR2 …] [--out FILE.json] [--half dev|held-out] [--verbose]
 *  [--text-cache] [--provider rules|openai] [--scanned] [--limit N] [--exclude FILE]`
 *
 * Runs the real pipeline (PDF → extractDocumentText → runAnalysis) over folders laid out like
 * ../shared/contracts (labels.csv, pdf/) and scores the engine against CUAD's expert answers.
 * `--half` picks the same half of each folder. Prints per-field scores and ends with the
 * `eval: …` line and the `eval-present: …` line. `--text-cache` keeps each PDF's extracted text
 * under node_modules/.cache (keyed by the PDF's hash) for quick reruns while developing rules;
 * reported figures come from runs without it. `--provider openai` scores the LLM engine with
 * the worker's LLM_* settings, each PDF sent as the worker sends it (in page chunks over
 * CHUNK_PAGES), and prints its token use (`eval-usage: …`); `--limit N` scores only the first N
 * contracts (a real model costs money). The rules engine reads each PDF whole, as earlier figures
 * did. `--scanned` reads every contract as a 200-dpi scan through the product's OCR
 * (scripts/eval/read-scanned-text.ts) and adds the `ocr: …` lines. `--exclude FILE` leaves out the
 * contracts FILE names (one PDF file name per line; see bench/eval-held-out-read.txt). Data: CUAD v1 (The Atticus Project, CC BY 4.0) —
 * see DIR/ATTRIBUTION.txt.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { answerContracts, type EvalFailure } from "@/scripts/eval/answer-contracts";
import {
  formatEvalLine,
  formatEvalPresentLine,
  formatEvalTable,
  formatMisses,
} from "@/scripts/eval/format-eval-report";
import { formatUsageLine } from "@/scripts/eval/format-usage-line";
import { readCuadLabels } from "@/scripts/eval/read-cuad-labels";
import { readExcludeList } from "@/scripts/eval/read-exclude-list";
import { EVAL_CACHE_DIR, readPdfText } from "@/scripts/eval/read-pdf-text";
import { emptyOcrTally, formatOcrLines, readScannedText } from "@/scripts/eval/read-scanned-text";
import { type ScoredContract, scoreContracts } from "@/scripts/eval/score-contracts";
import { EVAL_PROVIDERS, selectEvalEngine } from "@/scripts/eval/select-eval-engine";
import { type Half, selectHalf } from "@/scripts/eval/select-half";

const { values: args } = parseArgs({
  options: {
    dir: { type: "string", multiple: true },
    out: { type: "string" },
    half: { type: "string", default: "all" },
    verbose: { type: "boolean", default: false },
    "text-cache": { type: "boolean", default: false },
    provider: { type: "string", default: "rules" },
    scanned: { type: "boolean", default: false },
    limit: { type: "string" },
    exclude: { type: "string" },
  },
});
const halves: readonly Half[] = ["all", "dev", "held-out"];
const half = halves.find((h) => h === args.half);
const provider = EVAL_PROVIDERS.find((p) => p === args.provider);
const limit = args.limit === undefined ? Number.POSITIVE_INFINITY : Number(args.limit);
if (!args.dir || args.dir.length === 0 || !half || !provider || !(limit >= 1)) {
  console.error(
    "usage: npm run eval -- --dir DIR [--dir DIR2 …] [--out FILE.json] [--half all|dev|held-out] [--verbose] [--text-cache] [--provider rules|openai] [--scanned] [--limit N] [--exclude FILE]",
  );
  process.exit(2);
}
const engine = selectEvalEngine(provider);
if ("error" in engine) {
  console.error(engine.error);
  process.exit(2);
}
const dirs = args.dir.map((d) => path.resolve(d));
const excluded = args.exclude
  ? readExcludeList(readFileSync(args.exclude, "utf8"))
  : new Set<string>();
const ocrTally = emptyOcrTally();
const scored: ScoredContract[] = [];
const failures: EvalFailure[] = [];
const started = performance.now();
for (const dir of dirs) {
  const labels = selectHalf(
    readCuadLabels(readFileSync(path.join(dir, "labels.csv"), "utf8")),
    half,
  )
    .filter((label) => !excluded.has(label.pdfFile))
    .slice(0, Math.max(0, limit - scored.length));
  const answered = await answerContracts(
    labels,
    async (label) => {
      const pdfFile = path.join(dir, "pdf", label.pdfFile);
      const textLayer = await readPdfText(pdfFile, args["text-cache"] ?? false);
      if (!args.scanned) return textLayer;
      return readScannedText(pdfFile, textLayer, {
        cacheDir: EVAL_CACHE_DIR,
        cacheOcr: args["text-cache"] ?? false,
        tally: ocrTally,
      });
    },
    engine,
    provider === "openai" ? env.CHUNK_PAGES : null,
  );
  scored.push(...answered.scored);
  failures.push(...answered.failures);
}
const seconds = (performance.now() - started) / 1000;
const report = scoreContracts(scored);

console.log(
  `${report.contracts} contracts (${half}) from ${dirs.join(", ")} in ${seconds.toFixed(1)} s\n`,
);
console.log(formatEvalTable(report));
if (args.verbose && report.misses.length > 0) console.log(`\nMisses:\n${formatMisses(report)}`);
const usage = engine.usage?.totals();
if (usage) console.log(`\n${formatUsageLine(usage, report.contracts)}`);
if (failures.length > 0) {
  process.exitCode = 1;
  console.log(
    `\n${failures.length} of ${report.contracts} analyses failed (scored as answering nothing):`,
  );
  for (const f of failures) console.log(`  ${f.file}: ${f.error}`);
}
if (args.out) {
  const contracts = scored.map(({ label, answers }) => ({ file: label.pdfFile, answers }));
  const json = {
    date: new Date().toISOString(),
    dirs,
    half,
    provider,
    usage,
    failures,
    report,
    contracts,
  };
  writeFileSync(args.out, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${args.out}`);
}
console.log(formatEvalLine(report));
console.log(formatEvalPresentLine(report));
if (args.scanned) console.log(formatOcrLines(ocrTally));
