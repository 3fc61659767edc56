import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
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

/** Creates the account, its balance row and the starting grant in one transaction. */
export async function createUser(
  input: SignUpInput & { role?: UserRole; grantCredits?: number },
): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  const grant = input.grantCredits ?? env.SIGNUP_GRANT_CREDITS;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name || null,
        passwordHash,
        role: input.role ?? "user",
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) throw new AppError("conflict", "An account with this email already exists.");
    await tx.insert(creditBalances).values({ userId: user.id });
    if (grant > 0) {
      await grantCredits(tx, { userId: user.id, amount: grant, reason: "Welcome credits" });
    }
    return { userId: user.id };
  });
}
