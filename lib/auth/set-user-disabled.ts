import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { auditReasonSchema } from "@/lib/audit/audit-reason";
import { recordAdminAction } from "@/lib/audit/record-admin-action";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { type DbOrTx, db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";

export const setUserDisabledInputSchema = z.object({
  disabled: z.boolean(),
  reason: auditReasonSchema,
});

/**
 * An admin disables or re-enables an account. A disabled user cannot sign in, upload or confirm,
 * and every session it has ends (its next request is refused); analyses already running finish
 * (they are paid for) and stay readable by admins.
 */
export async function setUserDisabled(
  input: z.infer<typeof setUserDisabledInputSchema> & { actorId: string; userId: string },
): Promise<{ changed: boolean }> {
  if (input.disabled && input.userId === input.actorId) {
    throw new AppError("conflict", "You cannot disable your own account.");
  }
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!user) throw notFound("User");
    if ((user.disabledAt !== null) === input.disabled) return { changed: false };
    await tx
      .update(users)
      .set({ disabledAt: input.disabled ? sql`now()` : null })
      .where(eq(users.id, input.userId));
    if (input.disabled) await endUserSessions(tx, { userId: input.userId, reason: "disabled" });
    await recordAdminAction(tx, {
      actorId: input.actorId,
      kind: input.disabled ? "disable_user" : "enable_user",
      reason: input.reason,
      targetUserId: input.userId,
    });
    return { changed: true };
  });
}

/** Throws `account_disabled` (403) for a disabled account: upload and confirm call it. */
export async function assertUserEnabled(userId: string): Promise<void> {
  const [user] = await db
    .select({ disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw notFound("User");
  assertAccountEnabled(user);
}

/** The same check on an account row the caller has already read. */
export function assertAccountEnabled(account: { disabledAt: Date | null }): void {
  if (account.disabledAt) throw accountDisabled();
}

/** 403 `account_disabled`: also what a disabled account's existing session gets from any API. */
export function accountDisabled(): AppError {
  return new AppError(
    "account_disabled",
    "This account is disabled. Contact support if you think this is a mistake.",
  );
}

/**
 * In a transaction that adds content for a user (an upload): the account must still be live
 * when the content lands. `for share` waits for an account deletion in progress (it holds the
 * row `for no key update`) and then sees it, so an upload racing a deletion is refused instead of
 * leaving bytes under a tombstone; and a deletion that starts after waits, then purges it too.
 */
export async function lockLiveUser(tx: DbOrTx, userId: string): Promise<void> {
  const [user] = await tx
    .select({ disabledAt: users.disabledAt, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("share");
  if (!user || user.deletedAt) throw notFound("User");
  assertAccountEnabled(user);
}
