import type { CuadLabel } from "./types";

export type Half = "all" | "dev" | "held-out";

/**
 * A fixed two-way split against overfitting: contracts sorted by PDF file name, the 1st, 3rd, …
 * are "dev" (rules are tuned on their misses) and the 2nd, 4th, … are "held-out" (only scored).
 */
export function selectHalf(labels: readonly CuadLabel[], half: Half): CuadLabel[] {
  const sorted = [...labels].sort((a, b) =>
    a.pdfFile < b.pdfFile ? -1 : a.pdfFile > b.pdfFile ? 1 : 0,
  );
  if (half === "all") return sorted;
  const keep = half === "dev" ? 0 : 1;
  return sorted.filter((_, i) => i % 2 === keep);
}
