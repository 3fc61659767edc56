import { sql } from "drizzle-orm";
import {
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["user", "admin"]);

/** When an analysis that ends sends its owner a mail: only those that took over a minute
 *  (default: a short one is watched in the browser), every one, or none. */
export const analysisMailPreference = pgEnum("analysis_mail_preference", [
  "long",
  "always",
  "never",
]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name"),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("user"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** design.md "Admission": this user's own limit on active analyses (an admin sets it, e.g.
     *  for a paid tier); null = the configured USER_MAX_ACTIVE. */
    maxActiveAnalyses: integer("max_active_analyses"),
    /** When admission last let one of this user's analyses in: users who waited longest go first. */
    lastAdmittedAt: timestamp("last_admitted_at", { withTimezone: true }),
    /** Set when the user followed the link mailed to `email`; the starting grant comes with it. */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    analysisMail: analysisMailPreference("analysis_mail").notNull().default("long"),
    /** The account was deleted: this row is a tombstone (e-mail and name anonymised) that the
     *  ledger's entries still point at; nothing can sign in as it. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** SHA-256 of the secret in the user's private calendar (ICS) URL; null = no feed. Rotating
     *  it revokes the old URL. */
    calendarTokenHash: text("calendar_token_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    uniqueIndex("users_calendar_token_key").on(t.calendarTokenHash),
  ],
);

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type AnalysisMailPreference = (typeof analysisMailPreference.enumValues)[number];

/**
 * One row per sign-in. The session token carries the row's id (`sid`); every request reads the
 * row and its account by primary key, so ending a session (sign-out) or all of a user's sessions
 * (disabled, role or password changed) takes effect on the next request.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Why it ended: `sign_out`, `disabled`, `role_changed`, `password_changed`,
     *  `password_reset`, `account_deleted`. */
    revokedReason: text("revoked_reason"),
  },
  // Ending every session of one user finds the live ones without a scan.
  (t) => [index("user_sessions_live_idx").on(t.userId).where(sql`${t.revokedAt} is null`)],
);

export type UserSession = typeof userSessions.$inferSelect;

export const authTokenPurpose = pgEnum("auth_token_purpose", [
  "verify_email",
  "reset_password",
  "change_email",
]);

/**
 * Single-use tokens mailed to a user (verify the e-mail, reset the password, confirm a new
 * e-mail). Only the SHA-256 of the token is stored: a database leak yields no working link.
 * A token is used by setting `used_at` where it is null and unexpired, so it works once.
 */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: authTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The address the link was mailed to: for `change_email`, the new e-mail it confirms. */
    email: text("email").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("auth_tokens_hash_key").on(t.tokenHash),
    index("auth_tokens_user_idx").on(t.userId, t.purpose),
  ],
);

export type AuthToken = typeof authTokens.$inferSelect;
export type AuthTokenPurpose = (typeof authTokenPurpose.enumValues)[number];
