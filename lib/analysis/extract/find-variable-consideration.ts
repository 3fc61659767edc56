import type { VariableConsiderationKind, VariableConsiderationSignal } from "../result-schema";
import { evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";
import { VARIABLE_CONSIDERATION_RULES } from "./variable-consideration-rules";

// "no", "not", "without" … in the clause that leads up to the match or inside it; "no less than"
// and "not later than" bound an amount or a date rather than deny the payment. A payment the
// parties are still to negotiate ("shall agree to negotiate a structure for revenue sharing") is
// not agreed either.
const DENIAL =
  /\b(?:no|not|without|nor|neither|never)\b(?!\s+(?:less|more|later|earlier|fewer|greater)\s+than\b)|n['’]t\b|\b(?:negotiat\w*|contemplat\w*|expected\s+to\s+include)\b/i;
const DENIAL_REACH = 60;
// A defined term's meaning ("“Mass Production Qualified Product” means a Product … shipped in
// excess of [***] units") describes a thing; it restricts nothing by itself.
const DEFINITION = /["”]\s*(?:shall\s+)?means?\b/;

/** Whether the clause around a match denies it (clauses end at , ; : and sentence breaks). */
function isDenied(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - DENIAL_REACH), start);
  const clause = before.slice(before.search(/[^,;:]*$/));
  return DENIAL.test(clause + text.slice(start, end));
}

// "the " before "Commission of": enough to see the article that makes it the regulator.
const UNLESS_LOOKBACK = 4;

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
      if (
        rule.unless?.test(
          sentence.text.slice(Math.max(0, m.index - UNLESS_LOOKBACK), m.index + m[0].length),
        )
      ) {
        continue;
      }
      if (rule.notInDefinition && DEFINITION.test(sentence.text)) continue;
      if (rule.negatable && isDenied(sentence.text, m.index, m.index + m[0].length)) continue;
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
