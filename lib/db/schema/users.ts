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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];

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
    /** Why it ended: `sign_out`, `disabled`, `role_changed`, `password_changed`. */
    revokedReason: text("revoked_reason"),
  },
  // Ending every session of one user finds the live ones without a scan.
  (t) => [index("user_sessions_live_idx").on(t.userId).where(sql`${t.revokedAt} is null`)],
);

export type UserSession = typeof userSessions.$inferSelect;
