import { and, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { resetPasswordText } from "@/lib/auth/account-mail-texts";
import { issueAuthToken } from "@/lib/auth/issue-auth-token";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { appUrl } from "@/lib/http/app-url";
import { logger } from "@/lib/logger";
import { deliverMailsSoon } from "@/lib/mail/deliver-mail";
import { queueMail } from "@/lib/mail/queue-mail";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

export const RESET_PASSWORD_TTL_SECONDS = 3600;

export const passwordResetRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
});

/** The one answer, whether or not the e-mail has an account. */
export const PASSWORD_RESET_ANSWER = {
  message:
    "If an account uses this e-mail, we've sent it a link to choose a new password. The link works for 1 hour.",
} as const;

/**
 * "Forgot password": mails a 1-hour single-use link to an active account's address. The caller
 * answers 202 with `PASSWORD_RESET_ANSWER` whatever happened here (unknown, disabled or deleted
 * account: nothing is sent), so the endpoint reveals no accounts. Limited per client IP and per
 * e-mail (a 429 says nothing about the account either: it comes for any address). The mail is
 * delivered in the background, so a known address does not answer measurably later.
 */
export async function requestPasswordReset(input: { email: string; ip: string }): Promise<void> {
  await consumeOrThrow("passwordResetIp", input.ip);
  await consumeOrThrow("passwordResetEmail", input.email);
  const queued = await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(
        and(
          sql`lower(${users.email}) = ${input.email}`,
          isNull(users.disabledAt),
          isNull(users.deletedAt),
        ),
      );
    if (!user) return false;
    const token = await issueAuthToken(tx, {
      userId: user.id,
      purpose: "reset_password",
      email: user.email,
      ttlSeconds: RESET_PASSWORD_TTL_SECONDS,
    });
    const mail = resetPasswordText({ name: user.name, link: appUrl("/reset-password", { token }) });
    await queueMail(tx, { kind: "reset_password", to: user.email, userId: user.id, ...mail });
    return true;
  });
  if (queued) deliverMailsSoon();
  else logger.info("password reset for an e-mail without an active account: nothing sent");
}
