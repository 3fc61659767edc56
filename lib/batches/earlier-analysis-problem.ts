import type { DuplicateOf, InProgressOf } from "@/lib/analyses/find-earlier-analyses";
import type { BatchProblem } from "@/lib/db/schema";

/**
 * A batch file the user is already paying for elsewhere, left out of the batch (free): its memo
 * is ready (`analysed_before`), or an analysis of the same bytes is queued or running
 * (`analysing_elsewhere`: another batch, or a single upload). Checked when the batch is made and
 * again when it is confirmed, since another confirm may have come in between. A user who wants a
 * second analysis uploads the file on its own, where "Analyze again" asks them knowingly.
 */
export function earlierAnalysisProblem(
  filename: string,
  earlier: { duplicateOf: DuplicateOf | null; inProgress: InProgressOf | null },
): BatchProblem | null {
  if (earlier.duplicateOf) {
    return {
      filename,
      code: "analysed_before",
      message:
        "You analyzed this file before and its memo is ready. To analyze it again, upload it on its own. Nothing was charged.",
      analysisId: earlier.duplicateOf.analysisId,
    };
  }
  if (earlier.inProgress) {
    return {
      filename,
      code: "analysing_elsewhere",
      message:
        "This file is already being analyzed (confirmed elsewhere), and its memo will be ready there. To analyze it again, upload it on its own. Nothing was charged.",
      analysisId: earlier.inProgress.analysisId,
    };
  }
  return null;
}
