import { and, desc, eq, isNotNull } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { creditPurchases, users } from "@/lib/db/schema";

export type FlaggedPurchase = {
  id: string;
  userId: string;
  userEmail: string;
  pack: string;
  credits: number;
  creditsRefunded: number;
  /** Credits refunds should have taken back but could not (spent or held): for an admin. */
  refundShortfall: number;
  flaggedAt: string;
  /** Paid after its account was deleted: the payment should be refunded in Stripe. */
  accountDeleted: boolean;
};

/** Purchases an admin must look at, newest first (one user's, or all): refunds that could not
 *  take every credit back, and payments that landed after their account was deleted. */
export async function listFlaggedPurchases(
  of: { userId?: string } = {},
  limit = 200,
): Promise<FlaggedPurchase[]> {
  const rows = await db
    .select({
      id: creditPurchases.id,
      userId: creditPurchases.userId,
      userEmail: users.email,
      pack: creditPurchases.pack,
      credits: creditPurchases.credits,
      creditsRefunded: creditPurchases.creditsRefunded,
      refundShortfall: creditPurchases.refundShortfall,
      flaggedAt: creditPurchases.flaggedAt,
      deletedAt: users.deletedAt,
    })
    .from(creditPurchases)
    .innerJoin(users, eq(users.id, creditPurchases.userId))
    .where(
      and(
        isNotNull(creditPurchases.flaggedAt),
        of.userId ? eq(creditPurchases.userId, of.userId) : undefined,
      ),
    )
    .orderBy(desc(creditPurchases.flaggedAt))
    .limit(limit);
  return rows.map(({ deletedAt, ...r }) => ({
    ...r,
    flaggedAt: r.flaggedAt!.toISOString(),
    accountDeleted: deletedAt !== null,
  }));
}
