import type { ChunkFindings } from "@/lib/analysis/chunk-findings";
import { mergeChunkFindings } from "@/lib/analysis/merge-chunk-findings";
import type { AnalysisResult } from "@/lib/analysis/result-schema";
import { analyzeChunk, identifyContract, runAnalysis } from "@/lib/analysis/run-analysis";
import type { AnalysisStep, ExtractedText } from "@/lib/analysis/types";
import { chunkPagesText } from "@/lib/jobs/chunk-pages-text";
import { planChunks } from "@/lib/jobs/plan-chunks";
import { isChunkedDocument } from "@/lib/jobs/progress-plan";

/**
 * One contract through `steps` as the worker sends it (lib/jobs/process-analysis.ts): a PDF over
 * `chunkPages` pages is identified from its first chunk's pages, every planned chunk (with its
 * overlap page) is analysed with that identification, and the findings are merged; anything
 * else runs the five steps once over the whole text. Chunks run one after another here.
 */
export async function analyzeLikeWorker(
  text: ExtractedText,
  steps: readonly AnalysisStep[],
  chunkPages: number,
): Promise<AnalysisResult> {
  if (!isChunkedDocument(text, chunkPages)) return runAnalysis(text, { steps });
  const plan = planChunks(text.pageCount, chunkPages);
  const [first] = plan;
  if (!first) throw new Error("a chunk plan has at least one chunk");
  const identification = await identifyContract(chunkPagesText(text, first), { steps });
  const findings: ChunkFindings[] = [];
  for (const chunk of plan) {
    findings.push(await analyzeChunk(chunkPagesText(text, chunk), identification, { steps }));
  }
  return mergeChunkFindings(identification, findings);
}
