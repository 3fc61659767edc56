import { findDurations, parseDurationIso } from "@/lib/analysis/parse/parse-duration";
import { hasBlank, splitAnswer } from "./split-answer";
import type { Expected } from "./types";

export const PERPETUAL = "perpetual";
const PERPETUAL_WORDING = /\b(?:perpetual|perpetuity|indefinite(?:ly)?|until\s+terminated)\b/i;

/** One spelling per length: P12M → P1Y, P2W → P14D, so "12 months" and "1 year" agree. */
export function canonicalizeDuration(iso: string): string {
  const parsed = parseDurationIso(iso);
  if (!parsed) return iso;
  const { amount, unit } = parsed;
  if (unit === "M" && amount % 12 === 0) return `P${amount / 12}Y`;
  if (unit === "W") return `P${amount * 7}D`;
  return iso;
}

function durationFromAnswer(part: string): string | null {
  if (PERPETUAL_WORDING.test(part)) return PERPETUAL;
  const [first] = findDurations(part);
  return first ? canonicalizeDuration(first.iso) : null;
}

/**
 * A renewal-term or notice-period label ("successive 1 year", "90 days", "three (3) years")
 * → canonical ISO-8601 durations; "perpetual" stays a word. A length the contract leaves blank
 * ("successive [] years") is absent: there is no length to read.
 */
export function normalizeDurationAnswer(raw: string): Expected {
  const parts = splitAnswer(raw);
  if (parts.length === 0 || hasBlank(raw)) return { kind: "absent" };
  const values = parts.map(durationFromAnswer);
  if (values.some((v) => v === null)) return { kind: "unscorable", raw };
  return { kind: "values", values: values.filter((v): v is string => v !== null) };
}
