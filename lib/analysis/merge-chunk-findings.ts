import { finalizeAnalysisDraft } from "./analysis-draft";
import type { ChunkFindings } from "./chunk-findings";
import { dateFromClosingSignature } from "./date-from-closing-signature";
import { deriveRiskFlags } from "./derive-risk-flags";
import { MAX_AMOUNTS } from "./extract/find-amounts";
import { EXCLUSIVE_GRANT_DISPLAY } from "./extract/find-exclusivity";
import { scoreGoverningLawSentence } from "./extract/find-governing-law";
import { MAX_OBLIGATIONS } from "./extract/find-obligations";
import { MAX_TERMINATION_RIGHTS_PER_KIND } from "./extract/find-termination-rights";
import { MAX_SIGNALS_PER_KIND } from "./extract/find-variable-consideration";
import type { AnalysisResult, Evidence, Identification } from "./result-schema";

/**
 * The first chunk's finding that has a value, in page order — or, where the extractor prefers
 * some matches over earlier ones (`preferred`), the first preferred one; else the first (not
 * found) one.
 */
function firstFound<T extends { value: string | null }>(
  chunks: readonly ChunkFindings[],
  pick: (chunk: ChunkFindings) => T,
  preferred?: (finding: T) => boolean,
): T {
  const all = chunks.map(pick);
  const found =
    (preferred && all.find((f) => f.value !== null && preferred(f))) ??
    all.find((f) => f.value !== null) ??
    all[0];
  if (!found) throw new Error("mergeChunkFindings needs at least one chunk");
  return found;
}

/** The found finding with the highest score; the earliest wins a tie, as in the extractor. */
function bestScored<T extends { value: string | null }>(
  chunks: readonly ChunkFindings[],
  pick: (chunk: ChunkFindings) => T,
  score: (finding: T) => number,
): T {
  let best: { finding: T; score: number } | null = null;
  for (const finding of chunks.map(pick)) {
    if (finding.value === null) continue;
    const s = score(finding);
    if (!best || s > best.score) best = { finding, score: s };
  }
  return best?.finding ?? firstFound(chunks, pick);
}

/**
 * Concatenates per-chunk lists in page order and applies the same rules the whole-document
 * extractors apply: one entry per `key` (which also drops what two overlapping chunks both
 * found on their shared page), at most `perGroup` per `group`, at most `max` in all.
 */
function mergeLists<T>(
  lists: readonly (readonly T[])[],
  rules: { key: (item: T) => string; group?: (item: T) => string; perGroup?: number; max?: number },
): T[] {
  const kept: T[] = [];
  const keys = new Set<string>();
  const groupCounts = new Map<string, number>();
  for (const item of lists.flat()) {
    if (rules.max !== undefined && kept.length >= rules.max) break;
    const key = rules.key(item);
    if (keys.has(key)) continue;
    const group = rules.group?.(item);
    const count = group === undefined ? 0 : (groupCounts.get(group) ?? 0);
    if (group !== undefined && rules.perGroup !== undefined && count >= rules.perGroup) continue;
    keys.add(key);
    if (group !== undefined) groupCounts.set(group, count + 1);
    kept.push(item);
  }
  return kept;
}

const at = (evidence: Evidence | null) => (evidence ? `${evidence.unit}:${evidence.quote}` : "");

/**
 * design.md "Chunked work": the parent's merge. Chunks come in page order; single findings take
 * the first chunk that found them (as a whole-document scan takes the first match), lists are
 * concatenated and deduplicated, and risk flags are drawn from the merged result.
 */
export function mergeChunkFindings(
  identification: Identification,
  chunks: readonly ChunkFindings[],
): AnalysisResult {
  const draft = {
    identification: dateFromClosingSignature(
      identification,
      chunks.map((c) => c.closingSignature),
    ),
    term: {
      initialTerm: firstFound(chunks, (c) => c.term.initialTerm),
      expirationDate: firstFound(chunks, (c) => c.term.expirationDate),
      perpetual: firstFound(chunks, (c) => c.term.perpetual),
      // findRenewal: an automatic renewal beats an optional one found earlier.
      renewalTerm: firstFound(
        chunks,
        (c) => c.term.renewalTerm,
        (r) => r.automatic === true,
      ),
      renewalNoticePeriod: firstFound(chunks, (c) => c.term.renewalNoticePeriod),
      terminationRights: mergeLists(
        chunks.map((c) => c.term.terminationRights),
        {
          key: (r) => `${r.kind}:${r.party ?? ""}`,
          group: (r) => r.kind,
          perGroup: MAX_TERMINATION_RIGHTS_PER_KIND,
        },
      ),
    },
    consideration: {
      amounts: mergeLists(
        chunks.map((c) => c.consideration.amounts),
        { key: (a) => `${a.currency ?? "?"}:${a.value}`, max: MAX_AMOUNTS },
      ),
      // findPaymentTerms: a due-within or net period (a duration) beats a billing frequency.
      paymentTerms: firstFound(
        chunks,
        (c) => c.consideration.paymentTerms,
        (f) => f.value?.startsWith("P") === true,
      ),
      variableConsiderationSignals: mergeLists(
        chunks.map((c) => c.consideration.variableConsiderationSignals),
        {
          key: (s) => `${s.kind}:${at(s.evidence)}`,
          group: (s) => s.kind,
          perGroup: MAX_SIGNALS_PER_KIND,
        },
      ),
    },
    performanceObligations: mergeLists(
      chunks.map((c) => c.performanceObligations),
      { key: (o) => `${o.kind}:${o.party ?? ""}`, max: MAX_OBLIGATIONS },
    ),
    keyClauses: {
      // findGoverningLaw keeps the best-scoring sentence; score each chunk's pick the same way.
      governingLaw: bestScored(
        chunks,
        (c) => c.keyClauses.governingLaw,
        (f) => scoreGoverningLawSentence(f.evidence?.quote ?? ""),
      ),
      liabilityCap: firstFound(chunks, (c) => c.keyClauses.liabilityCap),
      // findExclusivity: a grant of exclusivity beats a mere mention of exclusive rights.
      exclusivity: firstFound(
        chunks,
        (c) => c.keyClauses.exclusivity,
        (f) => f.display === EXCLUSIVE_GRANT_DISPLAY,
      ),
      nonCompete: firstFound(chunks, (c) => c.keyClauses.nonCompete),
      // findAssignment: a restriction beats a permission found earlier.
      assignment: firstFound(
        chunks,
        (c) => c.keyClauses.assignment,
        (f) => f.value !== "permitted",
      ),
      // findConfidentiality: a clause stating how long it lasts beats the first mention.
      confidentiality: firstFound(
        chunks,
        (c) => c.keyClauses.confidentiality,
        (f) => f.display.includes("stated"),
      ),
    },
  };
  return finalizeAnalysisDraft({ ...draft, riskFlags: deriveRiskFlags(draft) });
}
