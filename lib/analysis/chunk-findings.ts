import { z } from "zod";
import { analysisResultSchema, findingSchema } from "./result-schema";

/**
 * What one page chunk of a chunked analysis contributes: every section except identification
 * (computed once by the parent) and risk flags (derived from the merged findings). Stored as
 * JSON in `analysis_chunks.findings` until the parent merges it.
 */
export const chunkFindingsSchema = analysisResultSchema
  .pick({
    term: true,
    consideration: true,
    performanceObligations: true,
    keyClauses: true,
  })
  .extend({
    // The date of the chunk's closing signature block (`findClosingSignatureDate`), for the
    // merge to date an agreement whose first chunk dated nothing. Absent from chunks stored
    // before it existed, and from an engine that does not read it.
    closingSignature: z.object({ date: findingSchema, witnessed: z.boolean() }).optional(),
  });

export type ChunkFindings = z.infer<typeof chunkFindingsSchema>;

export const identificationSchema = analysisResultSchema.shape.identification;
