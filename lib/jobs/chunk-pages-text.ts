import type { ExtractedText } from "@/lib/analysis/types";
import type { ChunkPlan } from "@/lib/jobs/plan-chunks";

/**
 * A chunk's pages out of a whole PDF's text: what the chunk job's page-range extraction reads
 * (`extractDocumentText` with `pages`, one unit per page numbered as in the whole document).
 */
export function chunkPagesText(
  text: ExtractedText,
  chunk: Pick<ChunkPlan, "firstPage" | "lastPage">,
): ExtractedText {
  return {
    ...text,
    units: text.units.filter((u) => u.index >= chunk.firstPage && u.index <= chunk.lastPage),
  };
}
