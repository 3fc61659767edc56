import type { DocumentIndex, Sentence } from "./document-index";

/** What every extractor needs: the indexed document and the cancellation signal. */
export type ScanContext = { index: DocumentIndex; signal: AbortSignal | undefined };

/** Sentences in document order, checking for cancellation at each one. */
export function* eachSentence(ctx: ScanContext): Generator<Sentence> {
  for (const sentence of ctx.index.sentences) {
    ctx.signal?.throwIfAborted();
    yield sentence;
  }
}
