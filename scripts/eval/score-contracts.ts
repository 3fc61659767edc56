import { parsePartyNames } from "./parse-party-names";
import { describeExpected, readExpectedAnswer } from "./read-expected-answer";
import { isYesAnswer, scoreBalancedAccuracy } from "./score-balanced-accuracy";
import { detailExactMatches, isExactMatch, scoreExactMatches } from "./score-exact-match";
import { scorePartyF1 } from "./score-party-f1";
import {
  type CuadLabel,
  type EngineAnswers,
  type EvalReport,
  EXACT_FIELDS,
  type ExactDetail,
  type ExactField,
  type ExactScore,
  FLAG_FIELDS,
  type FlagField,
  type FlagScore,
  type Miss,
} from "./types";

export type ScoredContract = { label: CuadLabel; answers: EngineAnswers };

// Below this a party list is reported as a miss; F1 of 1 needs every token, suffixes included.
const PARTY_MISS_BELOW = 0.999;

/** Compares the engine's answers with the labels of every contract and scores each field. */
export function scoreContracts(contracts: readonly ScoredContract[]): EvalReport {
  const misses: Miss[] = [];
  const exact = {} as Record<ExactField, ExactScore>;
  const exactDetail = {} as Record<ExactField, ExactDetail>;
  for (const field of EXACT_FIELDS) {
    const pairs = contracts.map(({ label, answers }) => {
      const expected = readExpectedAnswer(label, field);
      const found = answers.exact[field];
      if (!isExactMatch(expected, found)) {
        misses.push({
          file: label.pdfFile,
          field,
          expected: describeExpected(expected),
          found: found ?? "(not found)",
        });
      }
      return { expected, found };
    });
    exact[field] = scoreExactMatches(pairs);
    exactDetail[field] = detailExactMatches(pairs);
  }

  const partyScores = contracts.map(({ label, answers }) => {
    const expected = parsePartyNames(label.answers.parties);
    const f1 = scorePartyF1(expected, answers.parties);
    if (f1 < PARTY_MISS_BELOW) {
      misses.push({
        file: label.pdfFile,
        field: `parties (F1 ${f1.toFixed(2)})`,
        expected: expected.join(" | "),
        found: answers.parties.join(" | ") || "(not found)",
      });
    }
    return f1;
  });

  const flags = {} as Record<FlagField, FlagScore>;
  for (const field of FLAG_FIELDS) {
    const pairs = contracts.map(({ label, answers }) => {
      const expected = isYesAnswer(label.answers.flags[field]);
      const predicted = answers.flags[field];
      if (expected !== predicted) {
        const yesNo = (b: boolean) => (b ? "Yes" : "No");
        misses.push({
          file: label.pdfFile,
          field,
          expected: yesNo(expected),
          found: yesNo(predicted),
        });
      }
      return { expected, predicted };
    });
    flags[field] = scoreBalancedAccuracy(pairs);
  }

  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    contracts: contracts.length,
    exact,
    exactDetail,
    partiesF1: mean(partyScores),
    flags,
    paymentFlags: mean(FLAG_FIELDS.map((f) => flags[f].score)),
    misses,
  };
}
