import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { creditPurchases } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { findCreditPack, purchasesEnabled } from "@/lib/purchases/credit-packs";
import { getStripe } from "@/lib/purchases/stripe-client";

const log = logger.child({ module: "purchases" });

/** Before its Checkout Session exists a purchase row holds this unique stand-in session id. */
export const PENDING_SESSION_PREFIX = "pending:";

/**
 * Starts buying a pack: a `credit_purchases` row with the pack's credits and price from OUR
 * configuration (the webhook will credit exactly that), then a Stripe Checkout Session for it
 * (the purchase id as the Stripe idempotency key, `client_reference_id` and metadata), whose id
 * the row keeps. Answers the Checkout page's URL. Stripe refusing → the row is closed (`expired`)
 * and the user told to try again.
 */
export async function createCheckout(
  user: SessionUser,
  packId: string,
  appOrigin: string,
): Promise<{ url: string; purchaseId: string }> {
  if (!purchasesEnabled()) throw new AppError("not_found", "Buying credits is not available here.");
  const pack = findCreditPack(packId);
  if (!pack) {
    throw new AppError("validation", `There is no credit pack "${packId}".`, { pack: packId });
  }
  const purchaseId = randomUUID();
  await db.insert(creditPurchases).values({
    id: purchaseId,
    userId: user.id,
    pack: pack.id,
    credits: pack.credits,
    amount: pack.amount,
    currency: pack.currency,
    checkoutSessionId: `${PENDING_SESSION_PREFIX}${purchaseId}`,
  });

  let session: { id: string; url: string | null };
  try {
    session = await getStripe().checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: pack.currency,
              unit_amount: pack.amount,
              product_data: {
                name: `${pack.credits} Clauseflow credits`,
                description: `Credit pack "${pack.id}"`,
              },
            },
          },
        ],
        client_reference_id: purchaseId,
        customer_email: user.email,
        metadata: { purchase_id: purchaseId, user_id: user.id, pack: pack.id },
        payment_intent_data: { metadata: { purchase_id: purchaseId, user_id: user.id } },
        success_url: `${appOrigin}/credits?purchase=success`,
        cancel_url: `${appOrigin}/credits?purchase=cancelled`,
      },
      { idempotencyKey: `checkout:${purchaseId}` },
    );
  } catch (error) {
    log.error({ err: error, purchaseId }, "Stripe refused to create a Checkout Session");
    await db
      .update(creditPurchases)
      .set({ status: "expired" })
      .where(eq(creditPurchases.id, purchaseId));
    throw new AppError(
      "unavailable",
      "We couldn't reach our payment provider. Nothing was charged; try again in a minute.",
      { retryAfterSeconds: 30 },
    );
  }
  if (!session.url) throw new Error(`Checkout Session ${session.id} came without a URL`);
  await db
    .update(creditPurchases)
    .set({ checkoutSessionId: session.id })
    .where(eq(creditPurchases.id, purchaseId));
  log.info({ purchaseId, pack: pack.id, sessionId: session.id }, "checkout session created");
  return { url: session.url, purchaseId };
}
