import { makeFinding, notFound } from "../findings";
import { describeDuration, findDurations } from "../parse/parse-duration";
import type { Evidence, Finding } from "../result-schema";
import type { Sentence } from "../text/document-index";
import { evidenceCovering, evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";

const PAYMENT_CONTEXT = /\b(?:pay|paid|payable|payment|invoice[sd]?|remit|due)\b/i;
// "within thirty (30) days after receipt of the invoice", "no later than 45 days following".
const DUE_WITHIN_BEFORE = /\b(?:within|no\s+later\s+than|not\s+later\s+than|net)\s*$/i;
const DUE_WITHIN_AFTER =
  /^\s*(?:after|of|from|following)\s+(?:the\s+)?(?:date\s+of\s+|receipt\s+(?:by\s+\w+\s+)?of\s+|end\s+of\s+(?:each|the)\s+)?(?:(?:the|an|each|such|any|its|a)\s+)?(?:applicable\s+|correct\s+|undisputed\s+)?(?:invoice|receipt|billing|calendar|month|quarter|shipment|delivery)/i;
// The payment words that must sit near a "within 30 days" for it to be a payment term, not a
// cure period or a reporting deadline elsewhere in a long clause.
const PAYMENT_WORD = /\b(?:pay|paid|payable|payments?|invoice[sd]?|remit\w*|due)\b/gi;
const NEAR_PAYMENT = 120;
// Not "Net 7 8 Revenue" (a page number run into a defined term) nor "net 5%".
const NET_TERMS = /\bnet\s+(\d{1,3})\b(?!\s*(?:%|\d))/i;
const FREQUENCY =
  /\b(?:payable|paid|invoiced|billed)\s+(?:\w+\s+){0,2}?(monthly|quarterly|annually|semi-annually|weekly|in\s+advance|in\s+arrears)\b/i;

/**
 * Evidence for a "within N days" that shows a payment word beside it, in the same clause (no
 * semicolon between); null when there is none, so a cure period is not taken for a payment term.
 */
function evidenceNearPayment(
  ctx: ScanContext,
  sentence: Sentence,
  d: { start: number; end: number },
): Evidence | null {
  const text = sentence.text;
  let best: { start: number; end: number } | null = null;
  for (const m of text.matchAll(PAYMENT_WORD)) {
    const start = Math.min(d.start, m.index);
    const end = Math.max(d.end, m.index + m[0].length);
    if (end - start - (d.end - d.start) - m[0].length > NEAR_PAYMENT) continue;
    if (text.slice(start, end).includes(";")) continue;
    if (!best || end - start < best.end - best.start) best = { start, end };
  }
  if (!best) return null;
  return evidenceCovering(
    ctx.index,
    sentence,
    sentence.start + best.start,
    sentence.start + best.end,
  );
}

/** When payments fall due: the invoice window if stated, else the billing frequency. */
export function findPaymentTerms(ctx: ScanContext): Finding {
  let frequency: Finding | null = null;
  for (const sentence of eachSentence(ctx)) {
    const text = sentence.text;
    if (!PAYMENT_CONTEXT.test(text)) continue;
    for (const d of findDurations(text)) {
      if (d.unit !== "D") continue;
      const before = text.slice(Math.max(0, d.start - 30), d.start);
      const after = text.slice(d.end, d.end + 80);
      if (!DUE_WITHIN_BEFORE.test(before) || !DUE_WITHIN_AFTER.test(after)) continue;
      const evidence = evidenceNearPayment(ctx, sentence, d);
      if (!evidence) continue;
      return makeFinding(d.iso, `Due within ${describeDuration(d.iso)}`, evidence);
    }
    const net = NET_TERMS.exec(text);
    if (net?.[1]) {
      const iso = `P${Number(net[1])}D`;
      return makeFinding(
        iso,
        `Net ${Number(net[1])} days`,
        evidenceInSentence(
          ctx.index,
          sentence,
          sentence.start + net.index,
          sentence.start + net.index + net[0].length,
        ),
      );
    }
    if (!frequency) {
      const f = FREQUENCY.exec(text);
      if (f?.[1]) {
        const value = f[1].toLowerCase().replace(/\s+/g, "_");
        frequency = makeFinding(
          value,
          `Payable ${f[1].toLowerCase()}`,
          evidenceInSentence(
            ctx.index,
            sentence,
            sentence.start + f.index,
            sentence.start + f.index + f[0].length,
          ),
        );
      }
    }
  }
  return frequency ?? notFound();
}
