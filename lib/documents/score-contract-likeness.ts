import { countWords } from "./count-words";

/** The quote's warning for a document that does not read like a contract (`analyses.quote_warning`). */
export const NOT_A_CONTRACT = "not_a_contract";

/**
 * Fewer words than this cannot hold the clauses a memo reports on. Low on purpose: a short
 * one-page agreement is still a contract; the kinds of contract language below carry the test.
 */
export const MIN_CONTRACT_WORDS = 30;
/** How many different kinds of contract language a contract shows at least. */
export const MIN_CONTRACT_SIGNALS = 3;

/**
 * Kinds of language nearly every contract uses, whatever its type. Each counts once however
 * often it appears, so one repeated word ("terms" in a web page's footer) is not enough.
 */
const CONTRACT_SIGNALS: readonly RegExp[] = [
  /\bagreements?\b/i,
  /\bpart(?:y|ies)\b/i,
  /\bshall\b/i,
  /\bterm\b/i,
  /\bterminat(?:e|es|ed|ion)\b/i,
  /\bgoverned\s+by\b|\bgoverning\s+law\b/i,
  /\bhereby\b|\bhereto\b|\bhereunder\b|\bherein\b|\bhereof\b/i,
  /\bwhereas\b|\bin\s+witness\s+whereof\b/i,
  /\bindemnif(?:y|ies|ied|ication)\b/i,
  /\bliabilit(?:y|ies)\b/i,
  /\bwarrant(?:y|ies|s)\b/i,
  /\beffective\s+date\b/i,
  /\bbreach\b/i,
  /\bconfidential(?:ity)?\b/i,
];

export type ContractLikeness = {
  words: number;
  /** How many of the contract-language kinds the text shows. */
  signals: number;
  looksLikeContract: boolean;
};

/**
 * Whether a text reads like a contract, to warn before a user pays for a memo of "Not found"
 * rows (issue 19 part 6): enough words and enough different kinds of contract language. A
 * warning only — the user can still analyse it with an explicit acknowledgement.
 */
export function scoreContractLikeness(text: string): ContractLikeness {
  const words = countWords(text);
  const signals = CONTRACT_SIGNALS.filter((pattern) => pattern.test(text)).length;
  return {
    words,
    signals,
    looksLikeContract: words >= MIN_CONTRACT_WORDS && signals >= MIN_CONTRACT_SIGNALS,
  };
}
