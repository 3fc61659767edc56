import type { AnalysisResult, RiskSeverity } from "../result-schema";
import { escapeInline } from "./escape-markdown";
import { citeSuffix } from "./format-citation";

const SEVERITY_ORDER: Record<RiskSeverity, number> = { high: 0, medium: 1, low: 2 };
const SEVERITY_LABELS: Record<RiskSeverity, string> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

function titleFor(code: string): string {
  const words = code.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Risk flags, most severe first, each with its quote when there is one. */
export function renderRiskFlags(result: AnalysisResult): string {
  if (result.riskFlags.length === 0) return "No risk flags were raised.";
  const flags = [...result.riskFlags].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const lines: string[] = [];
  for (const flag of flags) {
    lines.push(
      `- **${SEVERITY_LABELS[flag.severity]} — ${titleFor(flag.code)}:** ${escapeInline(flag.explanation)}${citeSuffix(flag.evidence)}`,
    );
    if (flag.evidence) lines.push(`  > ${escapeInline(flag.evidence.quote)}`);
  }
  return lines.join("\n");
}
