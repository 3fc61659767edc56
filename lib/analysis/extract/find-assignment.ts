import { makeFinding, notFound } from "../findings";
import type { Finding } from "../result-schema";
import { evidenceCoveringMatch } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";

// Not "successors and assigns" (a boilerplate noun) nor "assignment for the benefit of
// creditors" (an insolvency event).
const ASSIGN =
  "(?<!successors\\s(?:and|&)\\s(?:permitted\\s)?)\\bassign(?:ment|ed|s|able)?\\b(?!\\s+for\\s+the\\s+benefit)";
const ASSIGNMENT = new RegExp(ASSIGN, "i");
const RESTRICTED = new RegExp(
  `\\b(?:may\\s+not|shall\\s+not|will\\s+not|cannot|can\\s+not|not\\s+be\\s+(?:permitted|entitled)\\s+to|neither\\s+party\\s+(?:may|shall))\\b[^.]{0,120}${ASSIGN}|${ASSIGN}[^.]{0,160}\\bwithout\\s+(?:the\\s+)?(?:prior\\s+)?(?:express\\s+)?(?:written\\s+)?(?:consent|approval)|\\bnot\\s+(?:be\\s+)?assignable\\b|\\bnon-?assignable\\b`,
  "i",
);
const CONSENT = /\bconsent|\bapproval/i;
const FREELY =
  /\bmay\s+(?:freely\s+)?assign\b[^.]{0,80}\bwithout\s+(?:the\s+)?(?:need\s+for\s+)?(?:consent|approval)|\bfreely\s+assignable\b/i;

/** Whether and how the agreement may be assigned; the consent it needs, as the quote says. */
export function findAssignment(ctx: ScanContext): Finding {
  let permitted: Finding | null = null;
  for (const sentence of eachSentence(ctx)) {
    const text = sentence.text;
    if (!ASSIGNMENT.test(text)) continue;
    const restricted = RESTRICTED.exec(text);
    const restriction = restricted ? evidenceCoveringMatch(ctx.index, sentence, restricted) : null;
    if (restriction) {
      const consent = CONSENT.test(restriction.quote);
      return makeFinding(
        consent ? "consent_required" : "prohibited",
        consent
          ? "Assignment requires the other party's consent"
          : "Assignment is prohibited or restricted",
        restriction,
      );
    }
    const free = FREELY.exec(text);
    const freedom = free && !permitted ? evidenceCoveringMatch(ctx.index, sentence, free) : null;
    if (freedom) {
      permitted = makeFinding("permitted", "Assignment permitted without consent", freedom);
    }
  }
  return permitted ?? notFound();
}
