import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The mail outbox: a mail is written in the same transaction as what it tells about (a token,
 * a finished analysis), then delivered over SMTP after commit and retried until it goes. The
 * body is erased once sent, so links with tokens do not stay in the database.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** What it is: `verify_email`, `reset_password`, `change_email`, `analysis_finished` … */
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text"),
    bodyHtml: text("body_html"),
    /** One mail per fact (e.g. `analysis-finished:<id>`): a repeated insert is a no-op. */
    dedupeKey: text("dedupe_key"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Given up after too many failures, or no longer worth sending (its token expired). */
    abandonedAt: timestamp("abandoned_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("mail_outbox_dedupe_key").on(t.dedupeKey),
    // Deleting an account or an analysis erases its mails: found without a scan.
    index("mail_outbox_user_idx").on(t.userId),
    index("mail_outbox_pending_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null and ${t.abandonedAt} is null`),
  ],
);

export type OutboxMail = typeof mailOutbox.$inferSelect;
