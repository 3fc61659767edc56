import { makeFinding, notFound } from "../findings";
import { type DateMatch, formatIsoDate } from "../parse/parse-date";
import type { Finding } from "../result-schema";
import type { Sentence } from "../text/document-index";
import { evidenceAt } from "../text/make-evidence";
import type { ScanContext } from "../text/scan-context";

/** The top of the contract and the dates in it (offsets into `flat`, which it starts). */
export type Head = { text: string; dates: DateMatch[] };

/** A date found at `offset + date.start` in `flat`, as a finding quoting its sentence. */
export function dateFinding(ctx: ScanContext, date: DateMatch, offset: number): Finding {
  const evidence = evidenceAt(ctx.index, offset + date.start, offset + date.end);
  return evidence ? makeFinding(date.iso, formatIsoDate(date.iso), evidence) : notFound();
}

/**
 * The sentences that start in the head. Identification reads only the top of the contract: a
 * chunked analysis identifies the contract from its first chunk, and must find what the whole
 * document would.
 */
export function headSentences(ctx: ScanContext, head: Head): Sentence[] {
  return ctx.index.sentences.filter((s) => s.start < head.text.length);
}
