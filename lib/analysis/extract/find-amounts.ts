import { findAmounts } from "../parse/parse-amount";
import type { Amount } from "../result-schema";
import { evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";

const NON_US_DOLLAR =
  /\b(?:Canadian\s+dollars?|Cdn\.?\s?\$|CAD|Australian\s+dollars?|AUD|Hong\s+Kong\s+dollars?|HK\$|Singapore\s+dollars?|New\s+Zealand\s+dollars?|NZD)\b|(?<![\w$])(?:C|A|S|NZ)\$/;
const US_DOLLAR = /\bU\.?S\.?\s?(?:\$|dollars?)|\bUSD\b|\bUnited\s+States\s+dollars?\b/i;

/** What a bare "$" means in this document: USD unless the text points to another dollar. */
export function dollarCurrencyOf(flat: string): string | null {
  if (!NON_US_DOLLAR.test(flat)) return "USD";
  return US_DOLLAR.test(flat) && !/\bCanadian\s+dollars?\b/i.test(flat) ? "USD" : null;
}

// Enough to show the money in the contract without listing every per-unit price in a schedule.
export const MAX_AMOUNTS = 20;

/** Distinct monetary amounts, in document order. */
export function findContractAmounts(ctx: ScanContext): Amount[] {
  const dollar = dollarCurrencyOf(ctx.index.flat);
  const amounts: Amount[] = [];
  const seen = new Set<string>();
  for (const sentence of eachSentence(ctx)) {
    if (!/\d/.test(sentence.text)) continue;
    for (const m of findAmounts(sentence.text, dollar)) {
      const key = `${m.currency ?? "?"}:${m.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const currency = m.currency ? ` ${m.currency}` : "";
      amounts.push({
        value: m.value,
        display: `${m.raw}${currency && !m.raw.includes(m.currency ?? "") ? ` (${m.currency})` : ""}`,
        evidence: evidenceInSentence(
          ctx.index,
          sentence,
          sentence.start + m.start,
          sentence.start + m.end,
        ),
        currency: m.currency,
      });
      if (amounts.length >= MAX_AMOUNTS) return amounts;
    }
  }
  return amounts;
}
