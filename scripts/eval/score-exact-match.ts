import type { ExactScore, Expected } from "./types";

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
