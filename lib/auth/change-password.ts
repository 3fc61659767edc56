import { eq } from "drizzle-orm";
import { z } from "zod";
import { voidUserAuthTokens } from "@/lib/auth/consume-auth-token";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8, "Use at least 8 characters.").max(200),
});

/**
 * A user changes their password (knowing the current one). Every session of the account ends —
 * a stolen session does not survive the owner's reaction; the caller signs the user in again.
 */
export async function changePassword(
  input: z.infer<typeof changePasswordInputSchema> & { userId: string },
): Promise<{ sessionsEnded: number }> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user) throw notFound("User");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation", "The current password is wrong.", {
      fieldErrors: { currentPassword: "The current password is wrong." },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId));
    const { ended } = await endUserSessions(tx, {
      userId: input.userId,
      reason: "password_changed",
    });
    await voidUserAuthTokens(tx, input.userId);
    return { sessionsEnded: ended };
  });
}
