import { makeFinding, notFound } from "../findings";
import { findAmounts } from "../parse/parse-amount";
import type { Finding } from "../result-schema";
import { evidenceCovering } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";
import { dollarCurrencyOf } from "./find-amounts";

// "In no event shall either party's aggregate liability … exceed", "liability … shall be limited to".
const CAP =
  /\b(?:aggregate|total|cumulative|maximum|entire)?\s*liability\b[^.]{0,200}?\b(?:(?:shall|will)\s+not\s+exceed|(?:shall|will)\s+(?:be\s+)?(?:limited|capped)\s+to|not\s+to\s+exceed|in\s+excess\s+of|(?:limited|capped)\s+to|exceed)\b|\b(?:shall\s+not|will\s+not|in\s+no\s+event\s+shall\s+\w+)\s+be\s+liable\b[^.]{0,120}?\b(?:in\s+excess\s+of|for\s+(?:any\s+)?(?:amounts?|damages)\s+(?:exceeding|in\s+excess\s+of|greater\s+than))/i;
const FEES_BASED =
  /\b(?:fees|amounts?|sums?|compensation|royalties|charges)\s+(?:actually\s+)?(?:paid|payable|received)\b/i;

/**
 * A monetary or fee-based cap on liability. The quote shows the cap wording and, when the
 * finding names it, the amount; an amount too far from the cap to quote both is not the cap's.
 */
export function findLiabilityCap(ctx: ScanContext): Finding {
  const dollar = dollarCurrencyOf(ctx.index.flat);
  for (const sentence of eachSentence(ctx)) {
    const m = CAP.exec(sentence.text);
    if (!m) continue;
    const capStart = sentence.start + m.index;
    const capEnd = capStart + m[0].length;
    const evidence = evidenceCovering(ctx.index, sentence, capStart, capEnd);
    if (!evidence) continue;
    const tail = sentence.text.slice(m.index);
    const amount = findAmounts(tail, dollar)[0];
    const withAmount = amount
      ? evidenceCovering(ctx.index, sentence, capStart, capStart + amount.end)
      : null;
    if (amount && withAmount) {
      const currency = amount.currency ? ` ${amount.currency}` : "";
      return makeFinding(
        `${amount.value}${currency}`,
        `Liability capped at ${amount.raw}`,
        withAmount,
      );
    }
    const fees = FEES_BASED.exec(tail);
    const withFees = fees
      ? evidenceCovering(ctx.index, sentence, capStart, capStart + fees.index + fees[0].length)
      : null;
    if (withFees) {
      return makeFinding(
        "fees_paid",
        "Liability capped by reference to fees paid or payable",
        withFees,
      );
    }
    return makeFinding(
      "capped",
      "Liability is limited (cap amount not stated in the clause)",
      evidence,
    );
  }
  return notFound();
}
