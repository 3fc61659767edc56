import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** A file of a bulk upload that was left out of the batch, and why (nothing is charged for it). */
export type BatchProblem = {
  filename: string;
  code: string;
  message: string;
  /** The user's other analysis of the same file (done, or queued or running), to open instead. */
  analysisId?: string;
};

/**
 * A bulk upload: many documents quoted together and confirmed with one click. Its analyses point
 * at it (`analyses.batch_id`); counts and progress are derived from them, never stored twice.
 */
export const batches = pgTable(
  "batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** What the user uploaded, for lists ("contracts.zip", "12 files"). */
    name: text("name").notNull(),
    /** Files that could not be quoted (unsupported, too large, unreadable …). */
    problems: jsonb("problems").$type<BatchProblem[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** The Idempotency-Key of the confirm that took the holds: a retry gets the same answer. */
    confirmKey: text("confirm_key"),
  },
  (t) => [index("batches_user_created_idx").on(t.userId, t.createdAt)],
);

export type Batch = typeof batches.$inferSelect;
