import type { ExactDetail, ExactScore, Expected } from "./types";

/** "Not present" is right when the engine also found nothing; otherwise any listed value is. */
export function isExactMatch(expected: Expected, found: string | null): boolean {
  if (expected.kind === "absent") return found === null;
  if (expected.kind === "values") return found !== null && expected.values.includes(found);
  return false;
}

/** Share of scorable contracts answered exactly; unscorable labels are counted, not scored. */
export function scoreExactMatches(
  pairs: readonly { expected: Expected; found: string | null }[],
): ExactScore {
  let correct = 0;
  let total = 0;
  let skipped = 0;
  for (const { expected, found } of pairs) {
    if (expected.kind === "unscorable") {
      skipped += 1;
      continue;
    }
    total += 1;
    if (isExactMatch(expected, found)) correct += 1;
  }
  return { score: total === 0 ? 0 : correct / total, correct, total, skipped };
}

/** Share of a part; 0 when the part is empty (printed beside its counts, so never misleading). */
export const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Recall on present labels, precision of the answers given, and the constant-answer baseline. */
export function detailExactMatches(
  pairs: readonly { expected: Expected; found: string | null }[],
): ExactDetail {
  let presentCorrect = 0;
  let present = 0;
  let answeredCorrect = 0;
  let answered = 0;
  let absent = 0;
  const valueCounts = new Map<string, number>();
  for (const { expected, found } of pairs) {
    if (expected.kind === "unscorable") continue;
    const right = isExactMatch(expected, found);
    if (expected.kind === "values") {
      present += 1;
      if (right) presentCorrect += 1;
      for (const value of new Set(expected.values)) {
        valueCounts.set(value, (valueCounts.get(value) ?? 0) + 1);
      }
    } else {
      absent += 1;
    }
    if (found !== null) {
      answered += 1;
      if (right) answeredCorrect += 1;
    }
  }
  const total = present + absent;
  let baseline = { score: ratio(absent, total), answer: "not found" };
  for (const [value, count] of valueCounts) {
    if (ratio(count, total) > baseline.score)
      baseline = { score: ratio(count, total), answer: value };
  }
  return { presentCorrect, present, answeredCorrect, answered, baseline };
}
