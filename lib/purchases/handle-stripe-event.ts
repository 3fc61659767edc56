import { and, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { lockAvailableCredits } from "@/lib/billing/hold-credits";
import { db, type Tx } from "@/lib/db/client";
import {
  type CreditPurchase,
  creditBalances,
  creditEntries,
  creditPurchases,
  stripeEvents,
  users,
} from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { applyRefund, type ChargeRefund } from "@/lib/purchases/apply-refund";
import { PENDING_SESSION_PREFIX } from "@/lib/purchases/create-checkout";

const log = logger.child({ module: "purchases" });

/** What became of one delivery, as the webhook answers it (Stripe only needs the 2xx). */
export type EventResult =
  | "credited"
  | "already_credited"
  | "awaiting_payment"
  | "expired"
  | "refunded"
  | "refund_unchanged"
  | "deferred"
  | "duplicate_event"
  | "ignored"
  | "rejected";

type Handled = { result: EventResult; status: "processed" | "deferred" | "ignored" | "rejected" };
type Deferral = { paymentIntentId: string; payload: ChargeRefund };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Applies one verified Stripe event, in one transaction. Idempotent twice over: by event id (its
 * `stripe_events` row, inserted first — a concurrent duplicate waits on the key and then finds
 * it) and by what the event is about (the purchase row, locked, says whether it is already paid;
 * the ledger entry's idempotency key backs that up). Everything else — credits, price, owner —
 * comes from our `credit_purchases` row, never from the event.
 */
export async function handleStripeEvent(event: Stripe.Event): Promise<EventResult> {
  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, status: "processing" })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (!fresh) return "duplicate_event";

    let deferral: Deferral | null = null;
    let handled: Handled;
    switch (event.type) {
      case "checkout.session.completed":
      case "checkout.session.async_payment_succeeded":
        handled = await completeCheckout(tx, event.data.object);
        break;
      case "checkout.session.expired":
        handled = await expireCheckout(tx, event.data.object);
        break;
      case "charge.refunded": {
        const outcome = await refundCharge(tx, event.data.object);
        handled = outcome.handled;
        deferral = outcome.deferral;
        break;
      }
      default:
        handled = { result: "ignored", status: "ignored" };
    }
    await tx
      .update(stripeEvents)
      .set({
        status: handled.status,
        paymentIntentId: deferral?.paymentIntentId ?? null,
        payload: deferral?.payload ?? null,
        processedAt: handled.status === "deferred" ? null : sql`now()`,
      })
      .where(eq(stripeEvents.id, event.id));
    return handled.result;
  });
}

function paymentIntentIdOf(value: string | { id: string } | null): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}

/** Serialises a checkout and a refund of one payment: without it a refund could look for its
 *  purchase just before the checkout commits, and the checkout for deferred refunds just before
 *  the refund commits — each missing the other. */
async function lockPaymentIntent(tx: Tx, paymentIntentId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`stripe:${paymentIntentId}`}))`);
}

async function completeCheckout(tx: Tx, session: Stripe.Checkout.Session): Promise<Handled> {
  const purchaseId = session.client_reference_id ?? session.metadata?.purchase_id ?? null;
  if (!purchaseId || !UUID.test(purchaseId)) return { result: "ignored", status: "ignored" };
  const paymentIntentId = paymentIntentIdOf(session.payment_intent);
  if (paymentIntentId) await lockPaymentIntent(tx, paymentIntentId);
  const [purchase] = await tx
    .select()
    .from(creditPurchases)
    .where(eq(creditPurchases.id, purchaseId))
    .for("update");
  if (!purchase) {
    log.warn({ purchaseId, sessionId: session.id }, "checkout for a purchase we never made");
    return { result: "ignored", status: "ignored" };
  }
  const sessionMatches =
    purchase.checkoutSessionId === session.id ||
    purchase.checkoutSessionId === `${PENDING_SESSION_PREFIX}${purchase.id}`;
  if (!sessionMatches) {
    log.error({ purchaseId, sessionId: session.id }, "checkout session is not its purchase's");
    return { result: "rejected", status: "rejected" };
  }
  if (purchase.status === "paid") return { result: "already_credited", status: "processed" };
  // A delayed payment method (a bank debit) completes the session unpaid; its
  // `async_payment_succeeded` brings the money later.
  if (session.payment_status !== "paid") return { result: "awaiting_payment", status: "processed" };
  if (session.amount_total !== purchase.amount || session.currency !== purchase.currency) {
    log.error(
      {
        purchaseId,
        expected: { amount: purchase.amount, currency: purchase.currency },
        got: { amount: session.amount_total, currency: session.currency },
      },
      "checkout paid another amount than its pack's price: not credited",
    );
    return { result: "rejected", status: "rejected" };
  }
  await creditPurchase(tx, purchase, session.id, paymentIntentId);
  return { result: "credited", status: "processed" };
}

/**
 * The purchase entry, the balance and the purchase row becoming `paid`, together; then any
 * refund that arrived first.
 */
async function creditPurchase(
  tx: Tx,
  purchase: CreditPurchase,
  sessionId: string,
  paymentIntentId: string | null,
): Promise<void> {
  if ((await lockAvailableCredits(tx, purchase.userId)) === null) {
    throw new Error(`purchase ${purchase.id}: its user has no balance row`);
  }
  await tx.insert(creditEntries).values({
    userId: purchase.userId,
    kind: "purchase",
    amount: purchase.credits,
    purchaseId: purchase.id,
    reason: `Bought the "${purchase.pack}" pack`,
    idempotencyKey: `purchase:${purchase.id}`,
  });
  await tx
    .update(creditBalances)
    .set({
      available: sql`${creditBalances.available} + ${purchase.credits}`,
      granted: sql`${creditBalances.granted} + ${purchase.credits}`,
      updatedAt: sql`now()`,
    })
    .where(eq(creditBalances.userId, purchase.userId));
  // A checkout opened before the account was deleted and paid after: the ledger records the
  // payment like any other, and an admin is asked to refund it (there is nobody to use it).
  const [owner] = await tx
    .select({ deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, purchase.userId));
  await tx
    .update(creditPurchases)
    .set({
      status: "paid",
      paidAt: sql`now()`,
      checkoutSessionId: sessionId,
      paymentIntentId,
      ...(owner?.deletedAt ? { flaggedAt: sql`now()` } : {}),
    })
    .where(eq(creditPurchases.id, purchase.id));
  log.info({ purchaseId: purchase.id, credits: purchase.credits }, "purchase credited");
  if (!paymentIntentId) return;

  const deferred = await tx
    .select({ id: stripeEvents.id, payload: stripeEvents.payload })
    .from(stripeEvents)
    .where(
      and(eq(stripeEvents.status, "deferred"), eq(stripeEvents.paymentIntentId, paymentIntentId)),
    );
  for (const event of deferred) {
    // Cumulative amounts: applying these in any order ends at the largest refund.
    await applyRefund(tx, purchase.id, event.payload as ChargeRefund);
    await tx
      .update(stripeEvents)
      .set({ status: "processed", processedAt: sql`now()` })
      .where(eq(stripeEvents.id, event.id));
  }
}

async function expireCheckout(tx: Tx, session: Stripe.Checkout.Session): Promise<Handled> {
  const purchaseId = session.client_reference_id ?? session.metadata?.purchase_id ?? null;
  if (!purchaseId || !UUID.test(purchaseId)) return { result: "ignored", status: "ignored" };
  await tx
    .update(creditPurchases)
    .set({ status: "expired" })
    .where(and(eq(creditPurchases.id, purchaseId), eq(creditPurchases.status, "open")));
  return { result: "expired", status: "processed" };
}

async function refundCharge(
  tx: Tx,
  charge: Stripe.Charge,
): Promise<{ handled: Handled; deferral: Deferral | null }> {
  const paymentIntentId = paymentIntentIdOf(charge.payment_intent);
  if (!paymentIntentId)
    return { handled: { result: "ignored", status: "ignored" }, deferral: null };
  await lockPaymentIntent(tx, paymentIntentId);
  const refund: ChargeRefund = {
    amount: charge.amount,
    amountRefunded: charge.amount_refunded,
    currency: charge.currency,
  };
  const [purchase] = await tx
    .select({ id: creditPurchases.id })
    .from(creditPurchases)
    .where(eq(creditPurchases.paymentIntentId, paymentIntentId));
  if (!purchase) {
    // Its checkout has not been credited yet (events arrive in any order): kept, and applied
    // when it is. A charge that is not a credit pack's stays deferred, harmlessly.
    log.info({ paymentIntentId }, "refund before its purchase was credited: deferred");
    return {
      handled: { result: "deferred", status: "deferred" },
      deferral: { paymentIntentId, payload: refund },
    };
  }
  const applied = await applyRefund(tx, purchase.id, refund);
  return {
    handled:
      applied === "rejected"
        ? { result: "rejected", status: "rejected" }
        : { result: applied === "applied" ? "refunded" : "refund_unchanged", status: "processed" },
    deferral: null,
  };
}
