import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

export const creditPurchaseStatus = pgEnum("credit_purchase_status", ["open", "paid", "expired"]);

/**
 * One Stripe Checkout Session for a credit pack. Written when the session is created, with the
 * pack's credits and price taken from our configuration then: the webhook credits what this row
 * says, never what an event says.
 */
export const creditPurchases = pgTable(
  "credit_purchases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    pack: text("pack").notNull(),
    credits: integer("credits").notNull(),
    /** In the currency's smallest unit (cents), as Stripe counts. */
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    checkoutSessionId: text("checkout_session_id").notNull(),
    paymentIntentId: text("payment_intent_id"),
    status: creditPurchaseStatus("status").notNull().default("open"),
    /** Credits taken back by refunds so far. */
    creditsRefunded: integer("credits_refunded").notNull().default(0),
    /** Credits a refund should have taken back but could not (already spent or held): an admin
     *  must look; `flagged_at` says since when. */
    refundShortfall: integer("refund_shortfall").notNull().default(0),
    flaggedAt: timestamp("flagged_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("credit_purchases_session_key").on(t.checkoutSessionId),
    uniqueIndex("credit_purchases_payment_intent_key").on(t.paymentIntentId),
    index("credit_purchases_user_idx").on(t.userId, t.createdAt),
  ],
);

/**
 * Every verified Stripe event, by its id: a replayed or duplicate delivery finds its row and
 * changes nothing. An event that arrives before what it refers to (a refund before its
 * checkout) is kept `deferred` with its payload and applied when that arrives.
 */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    /** `processed`, `deferred` (waiting for its purchase) or `ignored` (nothing for us). */
    status: text("status").notNull(),
    paymentIntentId: text("payment_intent_id"),
    payload: jsonb("payload"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [index("stripe_events_payment_intent_idx").on(t.paymentIntentId)],
);

export type CreditPurchase = typeof creditPurchases.$inferSelect;
export type StripeEvent = typeof stripeEvents.$inferSelect;
