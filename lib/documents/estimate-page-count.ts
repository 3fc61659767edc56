import { env } from "@/lib/env";

/** DOCX and text have no real pages; billing treats WORDS_PER_PAGE words as one page. */
export function estimatePageCount(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / env.WORDS_PER_PAGE));
}
