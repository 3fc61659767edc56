import { desc, eq, isNotNull } from "drizzle-orm";
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

/** Purchases whose refunds could not take every credit back, newest first. */
export async function listFlaggedPurchases(limit = 200): Promise<FlaggedPurchase[]> {
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
    .where(isNotNull(creditPurchases.flaggedAt))
    .orderBy(desc(creditPurchases.flaggedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, flaggedAt: r.flaggedAt!.toISOString() }));
}
