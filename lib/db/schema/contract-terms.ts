import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { analyses } from "./analyses";
import { users } from "./users";

/**
 * The key terms of one succeeded analysis, one row, derived from its result when it is captured
 * (and backfilled for older ones): what search, the portfolio and the deadlines filter, sort and
 * show, without reading every result's JSON. Dates that move with time (the next notice
 * deadline of an auto-renewing contract) are computed from these at read time.
 */
export const contractTerms = pgTable(
  "contract_terms",
  {
    analysisId: uuid("analysis_id")
      .primaryKey()
      .references(() => analyses.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** The result version these were derived from. */
    resultVersion: integer("result_version").notNull(),
    title: text("title"),
    /** A normalised type from the title ("license", "services", "supply", "nda", … or "other"). */
    contractType: text("contract_type"),
    /** The party that is not the user's side, when it can be told; else the second party. */
    counterparty: text("counterparty"),
    parties: text("parties").array().notNull().default(sql`'{}'::text[]`),
    effectiveDate: date("effective_date", { mode: "string" }),
    expirationDate: date("expiration_date", { mode: "string" }),
    /** The expiration was computed (effective date + initial term), not stated. */
    expirationEstimated: boolean("expiration_estimated").notNull().default(false),
    perpetual: boolean("perpetual").notNull().default(false),
    /** True: renews without action; false: stated not to; null: unknown. */
    autoRenews: boolean("auto_renews"),
    /** ISO-8601 durations (P1Y, P30D). */
    renewalTerm: text("renewal_term"),
    noticePeriod: text("notice_period"),
    governingLaw: text("governing_law"),
    riskCodes: text("risk_codes").array().notNull().default(sql`'{}'::text[]`),
    highRiskCount: integer("high_risk_count").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contract_terms_user_idx").on(t.userId),
    index("contract_terms_user_expiration_idx").on(t.userId, t.expirationDate),
  ],
);

export type ContractTerms = typeof contractTerms.$inferSelect;
