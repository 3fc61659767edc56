import { normalizeDateAnswer } from "./normalize-date-answer";
import { PERPETUAL } from "./normalize-duration-answer";
import type { Expected } from "./types";

// CUAD marks agreements that run until terminated as "perpetual"; some labels say it in words.
const PERPETUAL_WORDING =
  /\b(?:perpetual|perpetuity|indefinite(?:ly)?|until\s+(?:terminated|termination))\b/i;

/**
 * An expiration label → an ISO date, or "perpetual" for agreements with no fixed end. Anything
 * else (a term description such as "5 years after first sale") is unscorable: without the start
 * event it names no date, and guessing one would score the guess, not the engine.
 */
export function normalizeExpirationAnswer(raw: string): Expected {
  if (PERPETUAL_WORDING.test(raw)) return { kind: "values", values: [PERPETUAL] };
  return normalizeDateAnswer(raw);
}
