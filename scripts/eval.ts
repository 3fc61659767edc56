/**
 * `npm run eval -- --dir DIR [--out FILE.json] [--half dev|held-out] [--verbose]`
 *
 * Runs the real pipeline (PDF → extractDocumentText → runAnalysis) over a folder laid out like
 * ../shared/contracts (labels.csv, pdf/) and scores the engine against CUAD's expert answers.
 * Prints per-field scores and ends with one `eval: …` line. Data: CUAD v1 (The Atticus Project,
 * CC BY 4.0) — see DIR/ATTRIBUTION.txt.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { formatEvalLine, formatEvalTable, formatMisses } from "@/scripts/eval/format-eval-report";
import { readCuadLabels } from "@/scripts/eval/read-cuad-labels";
import { readEngineAnswers } from "@/scripts/eval/read-engine-answers";
import { type ScoredContract, scoreContracts } from "@/scripts/eval/score-contracts";
import { type Half, selectHalf } from "@/scripts/eval/select-half";

const { values: args } = parseArgs({
  options: {
    dir: { type: "string" },
    out: { type: "string" },
    half: { type: "string", default: "all" },
    verbose: { type: "boolean", default: false },
  },
});
const halves: readonly Half[] = ["all", "dev", "held-out"];
const half = halves.find((h) => h === args.half);
if (!args.dir || !half) {
  console.error(
    "usage: npm run eval -- --dir DIR [--out FILE.json] [--half all|dev|held-out] [--verbose]",
  );
  process.exit(2);
}
const dir = path.resolve(args.dir);
const labels = selectHalf(readCuadLabels(readFileSync(path.join(dir, "labels.csv"), "utf8")), half);

const scored: ScoredContract[] = [];
const started = performance.now();
for (const label of labels) {
  const bytes = new Uint8Array(readFileSync(path.join(dir, "pdf", label.pdfFile)));
  const text = await extractDocumentText(bytes, "pdf");
  const result = await runAnalysis(text);
  scored.push({ label, answers: readEngineAnswers(result) });
}
const seconds = (performance.now() - started) / 1000;
const report = scoreContracts(scored);

console.log(`${report.contracts} contracts (${half}) from ${dir} in ${seconds.toFixed(1)} s\n`);
console.log(formatEvalTable(report));
if (args.verbose && report.misses.length > 0) console.log(`\nMisses:\n${formatMisses(report)}`);
if (args.out) {
  const contracts = scored.map(({ label, answers }) => ({ file: label.pdfFile, answers }));
  const json = { date: new Date().toISOString(), dir, half, report, contracts };
  writeFileSync(args.out, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${args.out}`);
}
console.log(formatEvalLine(report));
