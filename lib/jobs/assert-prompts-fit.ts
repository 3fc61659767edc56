import { assertFitsOnePrompt } from "@/lib/analysis/llm/prompt-budget";
import type { ExtractedText } from "@/lib/analysis/types";
import { chunkPagesText } from "@/lib/jobs/chunk-pages-text";
import { planChunks } from "@/lib/jobs/plan-chunks";
import { isChunkedDocument } from "@/lib/jobs/progress-plan";

/**
 * Refuses, at upload, a document the LLM engine would refuse in the worker: every text the
 * worker will send to the model — each planned page chunk of a chunked PDF (`planChunks`, with
 * its overlap page), else the whole document — must fit one prompt. Throws the same
 * DocumentError as the step would, before the quote exists, so nothing is held or charged.
 */
export function assertPromptsFit(text: ExtractedText, chunkPages: number): void {
  if (!isChunkedDocument(text, chunkPages)) {
    assertFitsOnePrompt(text);
    return;
  }
  for (const chunk of planChunks(text.pageCount, chunkPages)) {
    assertFitsOnePrompt(chunkPagesText(text, chunk));
  }
}
