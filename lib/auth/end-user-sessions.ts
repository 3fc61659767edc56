import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { userSessions } from "@/lib/db/schema";

export type SessionEndReason =
  | "sign_out"
  | "disabled"
  | "role_changed"
  | "password_changed"
  | "password_reset"
  | "account_deleted";

/**
 * Ends every live session of a user, in the caller's transaction: the one place that disabling an
 * account, a role change and a password change go through. Each session's next request is
 * refused (tokens are checked against their row on every request), so the user signs in again.
 */
export async function endUserSessions(
  tx: DbOrTx,
  input: { userId: string; reason: SessionEndReason },
): Promise<{ ended: number }> {
  const ended = await tx
    .update(userSessions)
    .set({ revokedAt: sql`now()`, revokedReason: input.reason })
    .where(and(eq(userSessions.userId, input.userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return { ended: ended.length };
}

/** Sign-out: ends the one session a token carries (a no-op if it has ended already). */
export async function endSession(
  tx: DbOrTx,
  input: { sessionId: string; reason: SessionEndReason },
): Promise<void> {
  await tx
    .update(userSessions)
    .set({ revokedAt: sql`now()`, revokedReason: input.reason })
    .where(and(eq(userSessions.id, input.sessionId), isNull(userSessions.revokedAt)));
}
