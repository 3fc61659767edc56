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
};

/** Purchases whose refunds could not take every credit back, newest first (one user's, or all). */
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
  return rows.map((r) => ({ ...r, flaggedAt: r.flaggedAt!.toISOString() }));
}
