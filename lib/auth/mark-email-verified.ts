import { and, eq, isNull, sql } from "drizzle-orm";
import { grantCredits } from "@/lib/billing/grant-credits";
import type { DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";

/** The starting grant's ledger key: the unique index makes a second grant impossible. */
export const signupGrantKey = (userId: string) => `signup-grant:${userId}`;

/**
 * The user proved they own their mailbox (verification link, password reset, e-mail change):
 * sets `email_verified_at` and, on that first transition only, gives the starting grant — in
 * the caller's transaction. The conditional update serialises concurrent calls (the second waits
 * on the row lock and then finds it verified); the grant's idempotency key backs that up.
 */
export async function markEmailVerified(
  tx: DbOrTx,
  userId: string,
): Promise<{ newlyVerified: boolean; granted: number }> {
  const [row] = await tx
    .update(users)
    .set({ emailVerifiedAt: sql`now()` })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
    .returning({ id: users.id });
  if (!row) return { newlyVerified: false, granted: 0 };
  const amount = env.SIGNUP_GRANT_CREDITS;
  if (amount > 0) {
    await grantCredits(tx, {
      userId,
      amount,
      reason: "Welcome credits (e-mail verified)",
      idempotencyKey: signupGrantKey(userId),
    });
  }
  return { newlyVerified: true, granted: Math.max(0, amount) };
}
