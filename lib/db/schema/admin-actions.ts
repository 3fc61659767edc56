import {
  bigserial,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { analyses } from "./analyses";
import { users } from "./users";

export const adminActionKind = pgEnum("admin_action_kind", [
  "retry_analysis",
  "cancel_analysis",
  "grant_credits",
  "adjust_credits",
  "disable_user",
  "enable_user",
  "change_user_role",
  "set_user_active_limit",
  // A user's own deletions, and retention's purge (no actor), are audited here too: admins see
  // that and when something was deleted, never what.
  "delete_document",
  "delete_analysis",
  "delete_account",
  "purge_documents",
]);

/** The audit log: who did what to whom, when and why. Append-only (a trigger refuses changes). */
export const adminActions = pgTable(
  "admin_actions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Null for the system's own actions (retention). */
    actorId: uuid("actor_id").references(() => users.id),
    kind: adminActionKind("kind").notNull(),
    targetUserId: uuid("target_user_id").references(() => users.id),
    analysisId: uuid("analysis_id").references(() => analyses.id),
    reason: text("reason").notNull(),
    /** What the action did (amounts, the new analysis of a retry, whether it charges). */
    data: jsonb("data"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("admin_actions_created_idx").on(t.createdAt),
    index("admin_actions_target_user_idx").on(t.targetUserId, t.id),
    index("admin_actions_analysis_idx").on(t.analysisId, t.id),
  ],
);

export type AdminAction = typeof adminActions.$inferSelect;
export type AdminActionKind = (typeof adminActionKind.enumValues)[number];
