import type { Evidence } from "../result-schema";
import { formatCitation } from "./format-citation";
import type { MemoRun } from "./memo-model";

/** Contract text and file names may hold newlines and tabs; the memo model is one line per run. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function plain(text: string): MemoRun {
  return { text };
}

export function strong(text: string): MemoRun {
  return { text: oneLine(text), style: "strong" };
}

/** Text taken from the contract or the findings, normalized to one line. */
export function found(text: string): MemoRun {
  return { text: oneLine(text) };
}

/** " (p. 3)" after a statement, or nothing when there is no evidence. */
export function cite(evidence: Evidence | null): MemoRun[] {
  if (!evidence) return [];
  return [plain(" ("), { text: formatCitation(evidence), style: "citation" }, plain(")")];
}

/** A finding's display text with its citation; `fallback` when it was not found. */
export function stated(
  finding: { value: string | null; display: string; evidence: Evidence | null },
  fallback: string,
): MemoRun[] {
  if (finding.value === null) return [plain(fallback)];
  return [found(finding.display), ...cite(finding.evidence)];
}

/** Runs joined with a separator run between them ("a; b; c"). */
export function joinRuns(groups: MemoRun[][], separator: string): MemoRun[] {
  return groups.flatMap((group, index) => (index === 0 ? group : [plain(separator), ...group]));
}

/** Everything a run list says, without styling (tests, document properties). */
export function runsText(runs: MemoRun[]): string {
  return runs.map((run) => run.text).join("");
}

/** Contract text in curly quotes, styled as a quote. */
export function quoted(text: string): MemoRun[] {
  return [plain("“"), { text: oneLine(text), style: "quote" }, plain("”")];
}
