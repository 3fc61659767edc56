import { eq } from "drizzle-orm";
import { z } from "zod";
import { activeLimitOf } from "@/lib/admission/active-limit";
import { admitAndEnqueue } from "@/lib/admission/admit-analyses";
import { auditReasonSchema } from "@/lib/audit/audit-reason";
import { recordAdminAction } from "@/lib/audit/record-admin-action";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

export const setUserActiveLimitInputSchema = z.object({
  /** Analyses at once (1–100), or null: back to the configured default (USER_MAX_ACTIVE). */
  limit: z
    .number()
    .int()
    .min(1, "A limit is at least 1 analysis at once.")
    .max(100, "A limit is at most 100 analyses at once.")
    .nullable(),
  reason: auditReasonSchema,
});

export type SetUserActiveLimitResult = {
  changed: boolean;
  /** The user's own limit (null = the default) and the limit in force (null = none). */
  limit: number | null;
  effectiveLimit: number | null;
  /** Waiting analyses let in at once (a raised limit). */
  admitted: number;
};

/**
 * An admin sets how many analyses a user may have active at once (design.md "Admission"), e.g.
 * for a paid tier, or puts it back to the default; audit-logged with the reason. A raised limit
 * admits the user's waiting analyses at once; a lowered one lets running work finish and admits
 * nothing new until the user is under it.
 */
export async function setUserActiveLimit(
  input: z.infer<typeof setUserActiveLimitInputSchema> & { actorId: string; userId: string },
): Promise<SetUserActiveLimitResult> {
  const changed = await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ maxActiveAnalyses: users.maxActiveAnalyses })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!user) throw notFound("User");
    if (user.maxActiveAnalyses === input.limit) return false;
    await tx
      .update(users)
      .set({ maxActiveAnalyses: input.limit })
      .where(eq(users.id, input.userId));
    await recordAdminAction(tx, {
      actorId: input.actorId,
      kind: "set_user_active_limit",
      reason: input.reason,
      targetUserId: input.userId,
      data: { from: user.maxActiveAnalyses, to: input.limit },
    });
    return true;
  });
  const admitted = changed ? await admitAndEnqueue([input.userId]) : 0;
  return {
    changed,
    limit: input.limit,
    effectiveLimit: activeLimitOf({ maxActiveAnalyses: input.limit }),
    admitted,
  };
}
