import { env } from "@/lib/env";

/** A credit pack for sale: `amount` in the currency's smallest unit (cents), as Stripe counts. */
export type CreditPack = { id: string; credits: number; amount: number; currency: string };

/** What the client needs to show purchases: whether they are on, the packs, whom to ask. */
export type PurchaseOptions = {
  enabled: boolean;
  packs: CreditPack[];
  /** Whom to ask for credits when purchases are off (CREDITS_CONTACT). */
  contact: string;
};

/** Purchases are on only with both Stripe keys: one without the other can never credit a pack. */
export function purchasesEnabled(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET);
}

/** The packs of CREDIT_PACKS, in the order configured. */
export function listCreditPacks(): CreditPack[] {
  return env.CREDIT_PACKS;
}

export function findCreditPack(id: string): CreditPack | null {
  return listCreditPacks().find((pack) => pack.id === id) ?? null;
}

export function getPurchaseOptions(): PurchaseOptions {
  const enabled = purchasesEnabled();
  return { enabled, packs: enabled ? listCreditPacks() : [], contact: env.CREDITS_CONTACT };
}

/**
 * The sentence a "not enough credits" answer ends with, the same for scripts as for pages:
 * where to buy when purchases are on, whom to ask when they are off.
 */
export function moreCreditsHint(): { text: string; details: Record<string, string> } {
  if (purchasesEnabled()) {
    return { text: "Buy credits at /credits.", details: { buyCreditsUrl: "/credits" } };
  }
  return {
    text: `Ask ${env.CREDITS_CONTACT} for more credits.`,
    details: { creditsContact: env.CREDITS_CONTACT },
  };
}
