import { makeFinding, notFound } from "../findings";
import type { Finding } from "../result-schema";
import { isTableOfContents } from "../text/is-table-of-contents";
import { evidenceCoveringMatch } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";

const QUALIFIERS =
  "(?:worldwide|world-wide|royalty-bearing|royalty-free|payment-bearing|fully\\s+paid(?:-up)?|limited|perpetual|irrevocable|sole|sublicensable|transferable|right\\s+and)";
const SEP = "(?:\\s+|,\\s*)";
// An exclusive grant or relationship. "non-exclusive", "exclusive jurisdiction", "exclusive
// remedy" and "exclusive property" are not exclusivity in the commercial sense.
const EXCLUSIVE_GRANT = new RegExp(
  `(?<!non[- ]{0,2})\\bexclusive(?:ly)?${SEP}(?:${QUALIFIERS}${SEP})*(?:license|licence|distributor|distributorship|distribution|basis|reseller|agent|agency|supplier|provider|partner|dealer|relationship|arrangement|territory|marketing|sales|representative|manufacturer|sponsor|endorsement|collaboration)\\b|\\bexclusively\\s+(?:from|to|through|with|for)\\b|\\bsole\\s+and\\s+exclusive\\s+(?:distributor|right|license|supplier|provider|agent)\\b`,
  "i",
);
// "exclusive right(s)" counts only when nothing better is found, and not for procedural rights
// ("the exclusive right to settle any claim").
const EXCLUSIVE_RIGHT =
  /(?<!non[- ]{0,2})\bexclusive\s+rights?\b(?!\s+to\s+(?:settle|control|defend|prosecute|bring|enforce|file|sue|conduct))/i;

export const EXCLUSIVE_GRANT_DISPLAY = "Exclusive rights or an exclusive relationship";

/** An exclusive right or relationship granted by the contract. */
export function findExclusivity(ctx: ScanContext): Finding {
  let fallback: Finding | null = null;
  for (const sentence of eachSentence(ctx)) {
    if (isTableOfContents(sentence.text)) continue;
    const grant = EXCLUSIVE_GRANT.exec(sentence.text);
    const m = grant ?? (fallback ? null : EXCLUSIVE_RIGHT.exec(sentence.text));
    if (!m) continue;
    const evidence = evidenceCoveringMatch(ctx.index, sentence, m);
    if (!evidence) continue;
    const finding = makeFinding(
      "exclusive",
      grant ? EXCLUSIVE_GRANT_DISPLAY : "Exclusive rights are mentioned",
      evidence,
    );
    if (grant) return finding;
    fallback = finding;
  }
  return fallback ?? notFound();
}
