import { eq } from "drizzle-orm";
import { z } from "zod";
import { confirmEmailChangeText, emailChangeNoticeText } from "@/lib/auth/account-mail-texts";
import { issueAuthToken } from "@/lib/auth/issue-auth-token";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { appUrl } from "@/lib/http/app-url";
import { deliverMailsSoon } from "@/lib/mail/deliver-mail";
import { queueMail } from "@/lib/mail/queue-mail";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

export const CHANGE_EMAIL_TTL_SECONDS = 24 * 3600;

export const emailChangeInputSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  password: z.string().min(1, "Enter your current password.").max(200),
});

/**
 * A signed-in user asks to change their e-mail (with their password: a borrowed session alone
 * cannot take the account over). A confirm link goes to the NEW address, a notice to the old
 * one; nothing changes until the link is followed (lib/auth/confirm-email-change.ts), which is
 * also where a taken address is refused — here it would tell a session holder who has an account.
 */
export async function requestEmailChange(
  input: z.infer<typeof emailChangeInputSchema> & { userId: string },
): Promise<{ email: string }> {
  await consumeOrThrow("accountMailUser", input.userId);
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user) throw notFound("Account");
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError("validation", "The password is wrong.", {
      fieldErrors: { password: "The password is wrong." },
    });
  }
  if (input.email === user.email.toLowerCase()) {
    throw new AppError("validation", "This is already your e-mail.", {
      fieldErrors: { email: "This is already your e-mail." },
    });
  }
  await db.transaction(async (tx) => {
    const token = await issueAuthToken(tx, {
      userId: user.id,
      purpose: "change_email",
      email: input.email,
      ttlSeconds: CHANGE_EMAIL_TTL_SECONDS,
    });
    const confirm = confirmEmailChangeText({
      name: user.name,
      oldEmail: user.email,
      link: appUrl("/confirm-email", { token }),
    });
    await queueMail(tx, { kind: "change_email", to: input.email, userId: user.id, ...confirm });
    const notice = emailChangeNoticeText({
      name: user.name,
      newEmail: input.email,
      accountLink: appUrl("/account"),
    });
    await queueMail(tx, {
      kind: "change_email_notice",
      to: user.email,
      userId: user.id,
      ...notice,
    });
  });
  deliverMailsSoon();
  return { email: input.email };
}
