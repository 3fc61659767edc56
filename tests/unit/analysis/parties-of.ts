import { findParties } from "@/lib/analysis/extract/find-parties";
import { findPreambleCandidates } from "@/lib/analysis/extract/find-preamble";
import { scanText } from "./scan-text";

/** The party names findParties reads from a text, in order. */
export function partiesOf(text: string): string[] {
  const ctx = scanText(text);
  return findParties(ctx, findPreambleCandidates(ctx)).parties.map((p) => p.value ?? "");
}
