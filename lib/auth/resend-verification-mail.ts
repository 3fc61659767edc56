import { eq } from "drizzle-orm";
import { queueVerificationMail } from "@/lib/auth/queue-verification-mail";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { deliverMailsSoon } from "@/lib/mail/deliver-mail";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

/** "Resend" on the verification banner: a fresh link (the previous one stops working). */
export async function resendVerificationMail(userId: string): Promise<{ email: string }> {
  await consumeOrThrow("accountMailUser", userId);
  const sent = await db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        emailVerifiedAt: users.emailVerifiedAt,
      })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!user) throw new AppError("not_found", "Account not found.");
    if (user.emailVerifiedAt) {
      throw new AppError("conflict", "Your e-mail is already verified.", {
        reason: "already_verified",
      });
    }
    await queueVerificationMail(tx, user);
    return { email: user.email };
  });
  deliverMailsSoon();
  return sent;
}
