import { makeFinding, notFound } from "../findings";
import { describeDuration, findDurations } from "../parse/parse-duration";
import type { Finding } from "../result-schema";
import { evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";

const PAYMENT_CONTEXT = /\b(?:pay|paid|payable|payment|invoice[sd]?|remit|due)\b/i;
// "within thirty (30) days after receipt of the invoice", "no later than 45 days following".
const DUE_WITHIN_BEFORE = /\b(?:within|no\s+later\s+than|not\s+later\s+than|net)\s*$/i;
const DUE_WITHIN_AFTER =
  /^\s*(?:after|of|from|following)\s+(?:the\s+)?(?:date\s+of\s+|receipt\s+(?:by\s+\w+\s+)?of\s+|end\s+of\s+(?:each|the)\s+)?(?:(?:the|an|each|such|any|its|a)\s+)?(?:applicable\s+|correct\s+|undisputed\s+)?(?:invoice|receipt|billing|calendar|month|quarter|shipment|delivery)/i;
const NET_TERMS = /\bnet\s+(\d{1,3})\b(?!\s*%)/i;
const FREQUENCY =
  /\b(?:payable|paid|invoiced|billed)\s+(?:\w+\s+){0,2}?(monthly|quarterly|annually|semi-annually|weekly|in\s+advance|in\s+arrears)\b/i;

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
      if (!/\binvoice|\bpay|\bpayable|\bremit|\bdue\b/i.test(text)) continue;
      return makeFinding(
        d.iso,
        `Due within ${describeDuration(d.iso)}`,
        evidenceInSentence(ctx.index, sentence, sentence.start + d.start, sentence.start + d.end),
      );
    }
    const net = NET_TERMS.exec(text);
    if (net?.[1]) {
      const iso = `P${Number(net[1])}D`;
      return makeFinding(
        iso,
        `Net ${Number(net[1])} days`,
        evidenceInSentence(ctx.index, sentence, sentence.start + net.index),
      );
    }
    if (!frequency) {
      const f = FREQUENCY.exec(text);
      if (f?.[1]) {
        const value = f[1].toLowerCase().replace(/\s+/g, "_");
        frequency = makeFinding(
          value,
          `Payable ${f[1].toLowerCase()}`,
          evidenceInSentence(ctx.index, sentence, sentence.start + f.index),
        );
      }
    }
  }
  return frequency ?? notFound();
}
