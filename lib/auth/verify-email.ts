import { eq } from "drizzle-orm";
import { z } from "zod";
import { consumeAuthToken, invalidLinkError } from "@/lib/auth/consume-auth-token";
import { markEmailVerified } from "@/lib/auth/mark-email-verified";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

export const tokenInputSchema = z.object({ token: z.string().trim().min(1).max(200) });

/**
 * Following the verification link (the page's button POSTs the token; a GET never uses it, as
 * mail scanners prefetch links): uses the token, marks the e-mail verified and gives the
 * starting grant — all in one transaction, so the grant comes exactly once. A link mailed to an
 * address the account no longer has, or to a deleted or disabled account, is refused.
 */
export async function verifyEmail(
  token: string,
): Promise<{ email: string; granted: number; alreadyVerified: boolean }> {
  return db.transaction(async (tx) => {
    const used = await consumeAuthToken(tx, { token, purpose: "verify_email" });
    if (!used) throw invalidLinkError("verification");
    const [user] = await tx
      .select({ email: users.email, disabledAt: users.disabledAt, deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, used.userId));
    if (!user || user.deletedAt || user.disabledAt || user.email !== used.email) {
      throw invalidLinkError("verification");
    }
    const { newlyVerified, granted } = await markEmailVerified(tx, used.userId);
    return { email: user.email, granted, alreadyVerified: !newlyVerified };
  });
}
