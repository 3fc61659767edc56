import { makeFinding, notFound } from "../findings";
import { describeDuration, findDurations } from "../parse/parse-duration";
import type { Finding } from "../result-schema";
import { evidenceCoveringMatch } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";

const NON_COMPETE =
  /\bnon-?\s?compet(?:e|ition)\b|\b(?:shall|will|agrees?\s+(?:that\s+it\s+will\s+)?)\s*not\b[^.]{0,60}?\b(?:compete|engage\s+in\s+(?:any\s+)?(?:business|activit\w+)[^.]{0,60}?\bcompet)|\b(?:shall|will)\s+not\b[^.]{0,120}?\b(?:competing|competitive|competitor'?s?)\s+(?:products?|business(?:es)?|services?|lines?)\b/i;

/** A covenant restricting a party from competing, with its period when the quote states one. */
export function findNonCompete(ctx: ScanContext): Finding {
  for (const sentence of eachSentence(ctx)) {
    const m = NON_COMPETE.exec(sentence.text);
    if (!m) continue;
    const evidence = evidenceCoveringMatch(ctx.index, sentence, m);
    if (!evidence) continue;
    const duration = findDurations(evidence.quote).find((d) => d.unit === "Y" || d.unit === "M");
    const period = duration ? ` (period mentioned: ${describeDuration(duration.iso)})` : "";
    return makeFinding("present", `Restriction on competing${period}`, evidence);
  }
  return notFound();
}
