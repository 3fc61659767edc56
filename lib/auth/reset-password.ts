import { eq } from "drizzle-orm";
import { z } from "zod";
import {
  authTokenIsLive,
  consumeAuthToken,
  invalidLinkError,
  voidUserAuthTokens,
} from "@/lib/auth/consume-auth-token";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { markEmailVerified } from "@/lib/auth/mark-email-verified";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

export const passwordResetConfirmSchema = z.object({
  token: z.string().trim().min(1).max(200),
  password: z.string().min(8, "Use at least 8 characters.").max(200),
});

/**
 * Following the reset link: sets the new password, ends every session of the account (whoever
 * had it signed in must sign in again) and — since the link proves the mailbox is theirs —
 * marks the e-mail verified (with the starting grant if it was not). One transaction: a token
 * is used only if all of it commits. Disabled and deleted accounts, and links mailed to an
 * address the account no longer has, are refused like an unknown link.
 */
export async function resetPassword(
  input: z.infer<typeof passwordResetConfirmSchema>,
): Promise<{ email: string; sessionsEnded: number }> {
  // A garbage or spent link is refused before argon2: the route is public, and hashing for
  // every forged token would let anyone burn the server's CPU.
  if (!(await authTokenIsLive(db, { token: input.token, purpose: "reset_password" }))) {
    throw invalidLinkError("password reset");
  }
  // Hashed before the transaction: argon2 takes a while and must not hold the token's row.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const used = await consumeAuthToken(tx, { token: input.token, purpose: "reset_password" });
    if (!used) throw invalidLinkError("password reset");
    const [user] = await tx
      .select({ email: users.email, disabledAt: users.disabledAt, deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, used.userId))
      // Not `for update`: that would block the ledger's foreign-key checks on this row.
      .for("no key update");
    if (!user || user.deletedAt || user.disabledAt || user.email !== used.email) {
      throw invalidLinkError("password reset");
    }
    await tx.update(users).set({ passwordHash }).where(eq(users.id, used.userId));
    const { ended } = await endUserSessions(tx, {
      userId: used.userId,
      reason: "password_reset",
    });
    await voidUserAuthTokens(tx, used.userId);
    await markEmailVerified(tx, used.userId);
    return { email: user.email, sessionsEnded: ended };
  });
}
