import type { z } from "zod";
import { analysisResultSchema } from "./result-schema";

/**
 * What one page chunk of a chunked analysis contributes: every section except identification
 * (computed once by the parent) and risk flags (derived from the merged findings). Stored as
 * JSON in `analysis_chunks.findings` until the parent merges it.
 */
export const chunkFindingsSchema = analysisResultSchema.pick({
  term: true,
  consideration: true,
  performanceObligations: true,
  keyClauses: true,
});

export type ChunkFindings = z.infer<typeof chunkFindingsSchema>;

export const identificationSchema = analysisResultSchema.shape.identification;
