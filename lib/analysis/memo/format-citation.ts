import type { Evidence } from "../result-schema";

/** "p. 3" for pages, "¶ 12" for paragraphs, "—" when there is nothing to cite. */
export function formatCitation(evidence: Evidence | null): string {
  if (!evidence) return "—";
  return evidence.unitLabel === "page" ? `p. ${evidence.unit}` : `¶ ${evidence.unit}`;
}

/** " (p. 3)" after a statement, or "" when there is no evidence. */
export function citeSuffix(evidence: Evidence | null): string {
  return evidence ? ` (${formatCitation(evidence)})` : "";
}
