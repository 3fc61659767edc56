import type { AnalysisResult, RiskSeverity } from "../result-schema";
import type { MemoBlock } from "./memo-model";
import { cite, found, oneLine, plain, strong } from "./memo-runs";

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
export function buildRiskFlags(result: AnalysisResult): MemoBlock {
  if (result.riskFlags.length === 0) {
    return { kind: "paragraph", runs: [plain("No risk flags were raised.")] };
  }
  const flags = [...result.riskFlags].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return {
    kind: "list",
    items: flags.map((flag) => ({
      runs: [
        strong(`${SEVERITY_LABELS[flag.severity]} — ${titleFor(flag.code)}:`),
        plain(" "),
        found(flag.explanation),
        ...cite(flag.evidence),
      ],
      ...(flag.evidence ? { quote: oneLine(flag.evidence.quote) } : {}),
    })),
  };
}
