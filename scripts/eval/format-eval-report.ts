import { ratio } from "./score-exact-match";
import { type EvalReport, EXACT_FIELDS, FLAG_FIELDS } from "./types";

const two = (n: number) => n.toFixed(2);

/** The one line that ends every run; scripts and EVAL.md quote it. */
export function formatEvalLine(report: EvalReport): string {
  const exact = EXACT_FIELDS.map((f) => `${f} ${two(report.exact[f].score)}`).join(", ");
  return `eval: ${exact}, parties_f1 ${two(report.partiesF1)}, payment_flags ${two(report.paymentFlags)}`;
}

/**
 * The second line: per exact field, R = recall on contracts whose label holds a value and
 * P = precision of the engine's non-empty answers.
 */
export function formatEvalPresentLine(report: EvalReport): string {
  const fields = EXACT_FIELDS.map((f) => {
    const d = report.exactDetail[f];
    return `${f} ${two(ratio(d.presentCorrect, d.present))}/${two(ratio(d.answeredCorrect, d.answered))}`;
  });
  return `eval-present: ${fields.join(", ")}`;
}

/** A Markdown table of every field with the counts behind its score. */
export function formatEvalTable(report: EvalReport): string {
  const rows = [
    "| field | score | baseline | recall (present) | precision (answered) | basis |",
    "|---|---|---|---|---|---|",
  ];
  for (const f of EXACT_FIELDS) {
    const s = report.exact[f];
    const d = report.exactDetail[f];
    const skipped = s.skipped > 0 ? `, ${s.skipped} unscorable` : "";
    const recall = `${two(ratio(d.presentCorrect, d.present))} (${d.presentCorrect}/${d.present})`;
    const precision = `${two(ratio(d.answeredCorrect, d.answered))} (${d.answeredCorrect}/${d.answered})`;
    const baseline = `${two(d.baseline.score)} (always ${d.baseline.answer})`;
    rows.push(
      `| ${f} | ${two(s.score)} | ${baseline} | ${recall} | ${precision} | ${s.correct}/${s.total} exact${skipped} |`,
    );
  }
  rows.push(
    `| parties_f1 | ${two(report.partiesF1)} | 0.00 (no names) | | | mean token F1 over ${report.contracts} |`,
  );
  for (const f of FLAG_FIELDS) {
    const s = report.flags[f];
    const recall = `${two(ratio(s.truePositives, s.truePositives + s.falseNegatives))} (${s.truePositives}/${s.truePositives + s.falseNegatives})`;
    const precision = `${two(ratio(s.truePositives, s.truePositives + s.falsePositives))} (${s.truePositives}/${s.truePositives + s.falsePositives})`;
    const basis = `balanced accuracy; TN ${s.trueNegatives}, FP ${s.falsePositives}`;
    rows.push(`| ${f} | ${two(s.score)} | 0.50 (constant) | ${recall} | ${precision} | ${basis} |`);
  }
  rows.push(
    `| payment_flags | ${two(report.paymentFlags)} | 0.50 (constant) | | | mean of the four above |`,
  );
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
