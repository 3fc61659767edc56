/**
 * `npx tsx scripts/eval/check-evidence.ts --dir DIR [--dir DIR2 …] [--half dev|held-out]
 *  [--text-cache] [--verbose]`
 *
 * Runs the real pipeline over folders laid out like ../shared/contracts and counts, per kind of
 * finding, the findings whose evidence quote lacks the words that establish them (see
 * find-evidence-violations.ts). `--verbose` prints each violation; use it with `--half dev`
 * only (the held-out half is for counting, not for reading).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { checkFindingEvidence } from "@/scripts/eval/find-evidence-violations";
import { readCuadLabels } from "@/scripts/eval/read-cuad-labels";
import { readPdfText } from "@/scripts/eval/read-pdf-text";
import { type Half, selectHalf } from "@/scripts/eval/select-half";

const { values: args } = parseArgs({
  options: {
    dir: { type: "string", multiple: true },
    half: { type: "string", default: "all" },
    verbose: { type: "boolean", default: false },
    "text-cache": { type: "boolean", default: false },
  },
});
const halves: readonly Half[] = ["all", "dev", "held-out"];
const half = halves.find((h) => h === args.half);
if (!args.dir || args.dir.length === 0 || !half) {
  console.error(
    "usage: npx tsx scripts/eval/check-evidence.ts --dir DIR [--dir DIR2 …] [--half all|dev|held-out] [--text-cache] [--verbose]",
  );
  process.exit(2);
}
if (args.verbose && half !== "dev") {
  console.error("--verbose prints contract text: use it with --half dev only");
  process.exit(2);
}

const totals = new Map<string, { findings: number; violations: number }>();
let contracts = 0;
for (const dir of args.dir.map((d) => path.resolve(d))) {
  const labels = selectHalf(
    readCuadLabels(readFileSync(path.join(dir, "labels.csv"), "utf8")),
    half,
  );
  for (const label of labels) {
    const text = await readPdfText(
      path.join(dir, "pdf", label.pdfFile),
      args["text-cache"] ?? false,
    );
    const result = await runAnalysis(text);
    contracts++;
    for (const c of checkFindingEvidence(result)) {
      const t = totals.get(c.kind) ?? { findings: 0, violations: 0 };
      t.findings++;
      if (!c.ok) {
        t.violations++;
        if (args.verbose)
          console.log(`${c.kind} | ${label.pdfFile}\n  ${c.display}\n  > ${c.quote}\n`);
      }
      totals.set(c.kind, t);
    }
  }
}

console.log(`${contracts} contracts (${half})`);
let findings = 0;
let violations = 0;
for (const [kind, t] of [...totals].sort(([a], [b]) => (a < b ? -1 : 1))) {
  console.log(`${kind.padEnd(28)} ${String(t.violations).padStart(4)} / ${t.findings}`);
  findings += t.findings;
  violations += t.violations;
}
console.log(`evidence-violations: ${violations} of ${findings} findings`);
