import { makeFinding, notFound } from "../findings";
import { describeDuration, findDurations } from "../parse/parse-duration";
import type { Finding } from "../result-schema";
import { evidenceCoveringMatch } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";

// An obligation to keep information confidential, not just the word "confidential" in a
// redaction legend ("Confidential treatment has been requested…").
const OBLIGATION =
  /\b(?:shall|will|agrees?\s+to|must)\s+(?:\w+\s+){0,4}?(?:hold|keep|maintain|treat|protect)\b[^.]{0,80}\b(?:confiden(?:ce|tial)|secret)|\b(?:shall|will)\s+not\s+(?:\w+\s+){0,3}?(?:disclose|divulge|reveal)\b|["“]confidential\s+information["”]\s+(?:shall\s+)?means?\b/i;
const SURVIVAL =
  /\bsurviv|\bafter\s+(?:the\s+)?(?:termination|expiration)|\bfor\s+a\s+period\s+of\b/i;

// The quote must say what is kept confidential: "will not disclose such information" alone
// points to another sentence and establishes nothing by itself.
const NAMES_CONFIDENTIALITY = /\bconfiden|\bsecre(?:t|cy)\b/i;

/** Confidentiality obligations, with how long they last when stated. */
export function findConfidentiality(ctx: ScanContext): Finding {
  let first: Finding | null = null;
  for (const sentence of eachSentence(ctx)) {
    const m = OBLIGATION.exec(sentence.text);
    if (!m) continue;
    const evidence = evidenceCoveringMatch(ctx.index, sentence, m);
    if (!evidence) continue;
    if (!NAMES_CONFIDENTIALITY.test(evidence.quote)) continue;
    const duration = SURVIVAL.test(sentence.text)
      ? findDurations(sentence.text).find((d) => d.unit === "Y" || d.unit === "M")
      : undefined;
    if (duration) {
      return makeFinding(
        "present",
        `Confidentiality obligations (${describeDuration(duration.iso)} stated)`,
        evidence,
      );
    }
    first ??= makeFinding("present", "Confidentiality obligations", evidence);
  }
  return first ?? notFound();
}
