import type { VariableConsiderationKind, VariableConsiderationSignal } from "../result-schema";
import { evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";
import { VARIABLE_CONSIDERATION_RULES } from "./variable-consideration-rules";

// A few quotes per kind are enough for a reviewer to find the clauses.
export const MAX_SIGNALS_PER_KIND = 2;

/** Signs that consideration is variable or constrained, grouped by kind, in document order. */
export function findVariableConsideration(ctx: ScanContext): VariableConsiderationSignal[] {
  const signals: VariableConsiderationSignal[] = [];
  const counts = new Map<VariableConsiderationKind, number>();
  for (const sentence of eachSentence(ctx)) {
    // One quote per kind and sentence: a second rule matching the same sentence adds nothing.
    const seen = new Set<VariableConsiderationKind>();
    for (const rule of VARIABLE_CONSIDERATION_RULES) {
      if (seen.has(rule.kind) || (counts.get(rule.kind) ?? 0) >= MAX_SIGNALS_PER_KIND) continue;
      const m = rule.pattern.exec(sentence.text);
      if (!m) continue;
      seen.add(rule.kind);
      counts.set(rule.kind, (counts.get(rule.kind) ?? 0) + 1);
      signals.push({
        value: rule.kind,
        display: rule.label,
        evidence: evidenceInSentence(
          ctx.index,
          sentence,
          sentence.start + m.index,
          sentence.start + m.index + m[0].length,
        ),
        kind: rule.kind,
      });
    }
  }
  return signals;
}
