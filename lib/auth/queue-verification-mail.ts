import { verifyEmailText } from "@/lib/auth/account-mail-texts";
import { issueAuthToken } from "@/lib/auth/issue-auth-token";
import type { DbOrTx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appUrl } from "@/lib/http/app-url";
import { queueMail } from "@/lib/mail/queue-mail";

export const VERIFY_EMAIL_TTL_SECONDS = 24 * 3600;

/**
 * A new verification link (the older ones stop working) and its mail, in the caller's
 * transaction; the caller calls `deliverMailsSoon()` after commit.
 */
export async function queueVerificationMail(
  tx: DbOrTx,
  user: { id: string; email: string; name: string | null },
): Promise<void> {
  const token = await issueAuthToken(tx, {
    userId: user.id,
    purpose: "verify_email",
    email: user.email,
    ttlSeconds: VERIFY_EMAIL_TTL_SECONDS,
  });
  const mail = verifyEmailText({
    name: user.name,
    link: appUrl("/verify-email", { token }),
    credits: env.SIGNUP_GRANT_CREDITS,
  });
  await queueMail(tx, { kind: "verify_email", to: user.email, userId: user.id, ...mail });
}
