import type { FlagScore } from "./types";

/** CUAD's Yes/No columns: "Yes" (any case) is a yes; "No" and empty are no. */
export function isYesAnswer(raw: string): boolean {
  return /^\s*yes\b/i.test(raw);
}

/**
 * (sensitivity + specificity) / 2, so a column that is mostly "No" cannot be aced by always
 * saying no. When the set has only one class, the rate for that class is the score.
 */
export function scoreBalancedAccuracy(
  pairs: readonly { expected: boolean; predicted: boolean }[],
): FlagScore {
  let truePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  let falsePositives = 0;
  for (const { expected, predicted } of pairs) {
    if (expected && predicted) truePositives += 1;
    else if (expected) falseNegatives += 1;
    else if (predicted) falsePositives += 1;
    else trueNegatives += 1;
  }
  const positives = truePositives + falseNegatives;
  const negatives = trueNegatives + falsePositives;
  const rates = [
    ...(positives > 0 ? [truePositives / positives] : []),
    ...(negatives > 0 ? [trueNegatives / negatives] : []),
  ];
  const score = rates.length === 0 ? 0 : rates.reduce((a, b) => a + b, 0) / rates.length;
  return { score, truePositives, falseNegatives, trueNegatives, falsePositives };
}
