import { sql } from "drizzle-orm";
import { z } from "zod";
import { signupGrantKey } from "@/lib/auth/mark-email-verified";
import { hashPassword } from "@/lib/auth/password";
import { queueVerificationMail } from "@/lib/auth/queue-verification-mail";
import { grantCredits } from "@/lib/billing/grant-credits";
import { db } from "@/lib/db/client";
import { creditBalances, type UserRole, users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const signUpInputSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  password: z.string().min(8, "Use at least 8 characters.").max(200),
  name: z.string().trim().max(100).optional(),
});
export type SignUpInput = z.infer<typeof signUpInputSchema>;

/**
 * Creates the account and its balance row in one transaction.
 * - `verified` (the default; `npm run user:create`, the dev seed, tests): the e-mail counts as
 *   verified and the starting grant (`grantCredits`, default SIGNUP_GRANT_CREDITS) is given now.
 * - `verified: false` (public sign-up): no grant; a verification mail is queued in the same
 *   transaction, and the grant comes when its link is followed (lib/auth/verify-email.ts).
 *   The caller delivers the mail after commit (`deliverMailsSoon`).
 */
export async function createUser(
  input: SignUpInput & { role?: UserRole; grantCredits?: number; verified?: boolean },
): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  const verified = input.verified ?? true;
  const grant = input.grantCredits ?? env.SIGNUP_GRANT_CREDITS;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name || null,
        passwordHash,
        role: input.role ?? "user",
        emailVerifiedAt: verified ? sql`now()` : null,
      })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) throw new AppError("conflict", "An account with this email already exists.");
    await tx.insert(creditBalances).values({ userId: user.id });
    if (!verified) {
      await queueVerificationMail(tx, user);
    } else if (grant > 0) {
      await grantCredits(tx, {
        userId: user.id,
        amount: grant,
        reason: "Welcome credits",
        idempotencyKey: signupGrantKey(user.id),
      });
    }
    return { userId: user.id };
  });
}
