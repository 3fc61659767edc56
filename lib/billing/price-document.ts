import { env } from "@/lib/env";

export type PricingRule = { pagesPerCredit: number; minCredits: number };

export const defaultPricingRule = (): PricingRule => ({
  pagesPerCredit: env.PRICE_PAGES_PER_CREDIT,
  minCredits: env.PRICE_MIN_CREDITS,
});

/** Credits for a document: one per started block of `pagesPerCredit` pages, never below the minimum. */
export function priceForPages(pages: number, rule: PricingRule = defaultPricingRule()): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError(`Invalid page count: ${pages}`);
  return Math.max(rule.minCredits, Math.ceil(pages / rule.pagesPerCredit));
}
