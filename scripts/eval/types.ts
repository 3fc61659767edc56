/** Fields scored by exact match after normalization, in the order the summary line prints them. */
export const EXACT_FIELDS = [
  "governing_law",
  "agreement_date",
  "effective_date",
  "expiration_date",
  "renewal_term",
  "notice_period",
] as const;
export type ExactField = (typeof EXACT_FIELDS)[number];

/** CUAD's Yes/No payment columns. */
export const FLAG_FIELDS = [
  "revenue_profit_sharing",
  "price_restrictions",
  "minimum_commitment",
  "volume_restriction",
] as const;
export type FlagField = (typeof FLAG_FIELDS)[number];

/** What a label says for an exact-match field, normalized. */
export type Expected =
  /** Empty answer, or a date/length the contract leaves blank ("[]/[]/2020"): nothing to find. */
  | { kind: "absent" }
  /** Any of these normalized values is right (CUAD lists alternatives with ";"). */
  | { kind: "values"; values: string[] }
  /** A label we cannot normalize; left out of the score and counted as skipped. */
  | { kind: "unscorable"; raw: string };

/** One labelled contract: its files and CUAD's raw answers. */
export type CuadLabel = {
  pdfFile: string;
  txtFile: string;
  answers: {
    parties: string;
    exact: Record<ExactField, string>;
    flags: Record<FlagField, string>;
  };
};

/** The engine's answers in the same normalized forms as `Expected`. */
export type EngineAnswers = {
  exact: Record<ExactField, string | null>;
  parties: string[];
  flags: Record<FlagField, boolean>;
};

export type ExactScore = { score: number; correct: number; total: number; skipped: number };

/**
 * The same field seen from the answers' side, so a mostly-empty field cannot look good by
 * answering "not found": recall over the contracts whose label holds a value, precision over the
 * contracts where the engine gave one, and what the best constant answer would score.
 */
export type ExactDetail = {
  /** Right answers among the contracts whose label holds a value. */
  presentCorrect: number;
  present: number;
  /** Right answers among the contracts where the engine answered something. */
  answeredCorrect: number;
  answered: number;
  /** The best score a constant answer reaches: always "not found", or always the commonest value. */
  baseline: { score: number; answer: string };
};
export type FlagScore = {
  /** (sensitivity + specificity) / 2; only one of them when a class is missing from the set. */
  score: number;
  truePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  falsePositives: number;
};

export type Miss = { file: string; field: string; expected: string; found: string };

export type EvalReport = {
  contracts: number;
  exact: Record<ExactField, ExactScore>;
  exactDetail: Record<ExactField, ExactDetail>;
  /** Mean per-contract token F1 of party names. */
  partiesF1: number;
  flags: Record<FlagField, FlagScore>;
  /** Mean balanced accuracy of the four flags. */
  paymentFlags: number;
  misses: Miss[];
};
