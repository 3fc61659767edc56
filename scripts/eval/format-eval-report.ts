import { type EvalReport, EXACT_FIELDS, FLAG_FIELDS } from "./types";

const two = (n: number) => n.toFixed(2);

/** The one line that ends every run; scripts and EVAL.md quote it. */
export function formatEvalLine(report: EvalReport): string {
  const exact = EXACT_FIELDS.map((f) => `${f} ${two(report.exact[f].score)}`).join(", ");
  return `eval: ${exact}, parties_f1 ${two(report.partiesF1)}, payment_flags ${two(report.paymentFlags)}`;
}

/** A Markdown table of every field with the counts behind its score. */
export function formatEvalTable(report: EvalReport): string {
  const rows = ["| field | score | basis |", "|---|---|---|"];
  for (const f of EXACT_FIELDS) {
    const s = report.exact[f];
    const skipped = s.skipped > 0 ? `, ${s.skipped} unscorable` : "";
    rows.push(`| ${f} | ${two(s.score)} | ${s.correct}/${s.total} exact${skipped} |`);
  }
  rows.push(`| parties_f1 | ${two(report.partiesF1)} | mean token F1 over ${report.contracts} |`);
  for (const f of FLAG_FIELDS) {
    const s = report.flags[f];
    const basis = `TP ${s.truePositives}, FN ${s.falseNegatives}, TN ${s.trueNegatives}, FP ${s.falsePositives}`;
    rows.push(`| ${f} | ${two(s.score)} | balanced accuracy; ${basis} |`);
  }
  rows.push(`| payment_flags | ${two(report.paymentFlags)} | mean of the four above |`);
  return rows.join("\n");
}

/** Misses grouped by contract, for `--verbose`. */
export function formatMisses(report: EvalReport): string {
  const byFile = new Map<string, string[]>();
  for (const m of report.misses) {
    const lines = byFile.get(m.file) ?? [];
    lines.push(`  ${m.field}: expected ${m.expected}; found ${m.found}`);
    byFile.set(m.file, lines);
  }
  return [...byFile].map(([file, lines]) => `${file}\n${lines.join("\n")}`).join("\n");
}
