import { env } from "@/lib/env";

export type PricingRule = { pagesPerCredit: number; minCredits: number; ocrMultiplier: number };

export const defaultPricingRule = (): PricingRule => ({
  pagesPerCredit: env.PRICE_PAGES_PER_CREDIT,
  minCredits: env.PRICE_MIN_CREDITS,
  ocrMultiplier: env.OCR_PRICE_MULTIPLIER,
});

/** Credits for a document: one per started block of `pagesPerCredit` pages, never below the minimum. */
export function priceForPages(
  pages: number,
  rule: Pick<PricingRule, "pagesPerCredit" | "minCredits"> = defaultPricingRule(),
): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError(`Invalid page count: ${pages}`);
  return Math.max(rule.minCredits, Math.ceil(pages / rule.pagesPerCredit));
}

/** What a document is billed on: its pages, and which of them are scans read by OCR. */
export type PricedDocument = { pageCount: number; scannedPages: readonly number[] };

/**
 * Credits for a stored document: each scanned page counts `ocrMultiplier` pages (OCR is the
 * costly part of reading it), every other page one. The one price rule of quote, confirm, batch
 * and retry, always computed from the stored document.
 */
export function priceForDocument(
  doc: PricedDocument,
  rule: PricingRule = defaultPricingRule(),
): number {
  const scanned = Math.min(doc.scannedPages.length, doc.pageCount);
  const billedPages = doc.pageCount - scanned + scanned * rule.ocrMultiplier;
  return priceForPages(billedPages, rule);
}
