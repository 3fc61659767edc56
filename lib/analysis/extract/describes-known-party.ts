import type { Party } from "../result-schema";
import type { SentenceSpan } from "../text/split-sentences";

/**
 * Whether the alias at `at` sits in a later sentence that starts with a party already found:
 * "Fazync is a wholly owned subsidiary of … Intelligent Highway Solutions, Inc. ("IHSI")"
 * describes a party; it does not add one.
 */
export function describesKnownParty(
  text: string,
  sentences: SentenceSpan[],
  at: number,
  parties: Party[],
): boolean {
  const sentence = sentences.find((s) => s.start <= at && at < s.end);
  const first = sentences[0];
  if (!sentence || !first || sentence === first) return false;
  const opening = text.slice(sentence.start, sentence.start + 80).toLowerCase();
  return parties.some((p) =>
    [p.definedAs, p.value].some((ref) => ref && opening.startsWith(ref.toLowerCase())),
  );
}
