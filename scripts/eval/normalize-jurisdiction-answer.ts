import { lookupJurisdiction } from "@/lib/analysis/parse/jurisdictions";
import { splitAnswer } from "./split-answer";
import type { Expected } from "./types";

const PREFIX =
  /^(?:the\s+)?(?:(?:state|commonwealth|province|republic|kingdom)\s+of\s+)?(?:the\s+)?/i;

/**
 * A jurisdiction as text ("Province of Ontario, Canada", "Ontario, Canada", "New York") → the
 * engine's canonical name ("Ontario, Canada"); unknown names fall back to lowercase words so
 * that two spellings of the same unknown place still compare equal.
 */
export function canonicalizeJurisdiction(name: string): string {
  const trimmed = name.replace(/\s+/g, " ").trim();
  const candidates = [trimmed, trimmed.replace(PREFIX, ""), trimmed.split(",")[0] ?? ""];
  for (const candidate of candidates) {
    const found = lookupJurisdiction(candidate.replace(PREFIX, ""));
    if (found) return found.name;
  }
  return trimmed
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/** A governing-law label → canonical jurisdiction names. */
export function normalizeJurisdictionAnswer(raw: string): Expected {
  const parts = splitAnswer(raw);
  if (parts.length === 0) return { kind: "absent" };
  const values = parts.map(canonicalizeJurisdiction);
  // CUAD splits "the laws of England and Wales" into two answers, "England; Wales".
  if (values.includes("England") && values.includes("wales")) values.push("England and Wales");
  return { kind: "values", values };
}
