import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { analyses } from "./analyses";
import { creditPurchases } from "./purchases";
import { users } from "./users";

export const creditEntryKind = pgEnum("credit_entry_kind", [
  "grant",
  "hold",
  "capture",
  "release",
  "adjust",
  // A pack bought through Stripe (adds credits), and a refund of one (takes credits back, never
  // below zero available): both point at their `credit_purchases` row.
  "purchase",
  "refund",
]);

/** Append-only: nothing updates or deletes an entry (a trigger in the migration enforces it). */
export const creditEntries = pgTable(
  "credit_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    analysisId: uuid("analysis_id").references(() => analyses.id),
    kind: creditEntryKind("kind").notNull(),
    /** Always positive; the kind (and `debit` for an adjust) says which way it moves credits. */
    amount: integer("amount").notNull(),
    /** Only an `adjust` can take credits away (a correction); every other kind is fixed by kind. */
    debit: boolean("debit").notNull().default(false),
    actorId: uuid("actor_id").references(() => users.id),
    reason: text("reason"),
    /** The Stripe purchase a `purchase` or `refund` entry belongs to. */
    purchaseId: uuid("purchase_id").references(() => creditPurchases.id),
    /** Set for admin grants/adjustments so a repeated request is applied once; for purchases
     *  and refunds, derived from the Stripe object so a replayed event is applied once. */
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("credit_entries_user_idx").on(t.userId, t.id),
    check("credit_entries_amount_positive", sql`amount > 0`),
    check("credit_entries_debit_only_adjust", sql`not debit or kind = 'adjust'`),
    uniqueIndex("credit_entries_idempotency_key").on(t.idempotencyKey),
    // `kind::text`: the migration that adds these kinds cannot name them as enum values yet.
    check(
      "credit_entries_purchase_kinds",
      sql`(purchase_id is not null) = (kind::text in ('purchase', 'refund'))`,
    ),
    check(
      "credit_entries_analysis_required",
      sql`(kind in ('hold', 'capture', 'release')) = (analysis_id is not null)`,
    ),
    // design.md invariant 2: one hold, and one settlement (capture or release), per analysis.
    uniqueIndex("credit_entries_one_hold").on(t.analysisId).where(sql`kind = 'hold'`),
    uniqueIndex("credit_entries_one_settlement")
      .on(t.analysisId)
      .where(sql`kind in ('capture', 'release')`),
  ],
);

/** Cached balances, updated in the same transaction as each entry under a row lock. */
export const creditBalances = pgTable(
  "credit_balances",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    available: integer("available").notNull().default(0),
    held: integer("held").notNull().default(0),
    spent: integer("spent").notNull().default(0),
    /** Grants, purchases and adjustments less refunds: always available + held + spent. */
    granted: integer("granted").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("credit_balances_available_nonneg", sql`${t.available} >= 0`),
    check("credit_balances_held_nonneg", sql`${t.held} >= 0`),
    check("credit_balances_spent_nonneg", sql`${t.spent} >= 0`),
    check("credit_balances_conserved", sql`${t.granted} = ${t.available} + ${t.held} + ${t.spent}`),
  ],
);

export type CreditEntry = typeof creditEntries.$inferSelect;
export type CreditEntryKind = (typeof creditEntryKind.enumValues)[number];
export type CreditBalance = typeof creditBalances.$inferSelect;
