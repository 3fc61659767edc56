import { eq, sql } from "drizzle-orm";
import { lockAvailableCredits } from "@/lib/billing/hold-credits";
import type { Tx } from "@/lib/db/client";
import { creditBalances, creditEntries, creditPurchases } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { formatMoney } from "@/lib/purchases/format-money";
import { planRefund, refundedCreditsTotal } from "@/lib/purchases/refund-credits";

const log = logger.child({ module: "purchases" });

/** What a `charge.refunded` says, cumulatively: the charge's whole amount and what is refunded
 *  of it so far. Kept as the payload of a deferred event. */
export type ChargeRefund = { amount: number; amountRefunded: number; currency: string };

/**
 * Takes back the credits a refund pays for, in the caller's transaction, under the purchase row's
 * and then the balance row's lock: the cumulative total owed minus what earlier refunds already
 * took or flagged. Only what is available is taken (a `refund` entry, available and granted both
 * lowered); the rest — credits already spent or held — goes to `refund_shortfall` and flags the
 * purchase for an admin. Answers whether anything changed.
 */
export async function applyRefund(
  tx: Tx,
  purchaseId: string,
  refund: ChargeRefund,
): Promise<"applied" | "unchanged" | "rejected"> {
  const [purchase] = await tx
    .select()
    .from(creditPurchases)
    .where(eq(creditPurchases.id, purchaseId))
    .for("update");
  if (purchase?.status !== "paid") throw new Error(`purchase ${purchaseId} not paid`);
  if (refund.currency !== purchase.currency) {
    log.error({ purchaseId, refund }, "a refund in another currency than its purchase: ignored");
    return "rejected";
  }
  const total = refundedCreditsTotal({
    credits: purchase.credits,
    amount: refund.amount,
    amountRefunded: refund.amountRefunded,
  });
  const available = (await lockAvailableCredits(tx, purchase.userId)) ?? 0;
  const { take, shortfall } = planRefund({
    total,
    alreadyRefunded: purchase.creditsRefunded,
    alreadyShort: purchase.refundShortfall,
    available,
  });
  if (take === 0 && shortfall === 0) return "unchanged";

  if (take > 0) {
    await tx.insert(creditEntries).values({
      userId: purchase.userId,
      kind: "refund",
      amount: take,
      purchaseId: purchase.id,
      reason: `Payment refunded: ${formatMoney(refund.amountRefunded, purchase.currency)} of ${formatMoney(refund.amount, purchase.currency)} in all`,
      // One entry per cumulative total: a replay of the same refund finds nothing owed anyway,
      // and the unique key is the database's own guard.
      idempotencyKey: `refund:${purchase.id}:${total}`,
    });
    await tx
      .update(creditBalances)
      .set({
        available: sql`${creditBalances.available} - ${take}`,
        granted: sql`${creditBalances.granted} - ${take}`,
        updatedAt: sql`now()`,
      })
      .where(eq(creditBalances.userId, purchase.userId));
  }
  await tx
    .update(creditPurchases)
    .set({
      creditsRefunded: sql`${creditPurchases.creditsRefunded} + ${take}`,
      refundShortfall: sql`${creditPurchases.refundShortfall} + ${shortfall}`,
      ...(shortfall > 0 ? { flaggedAt: sql`coalesce(${creditPurchases.flaggedAt}, now())` } : {}),
    })
    .where(eq(creditPurchases.id, purchase.id));
  if (shortfall > 0) {
    log.warn(
      { purchaseId, userId: purchase.userId, take, shortfall },
      "refund exceeds the available credits: the rest is flagged for an admin",
    );
  } else {
    log.info({ purchaseId, take, total }, "refund applied");
  }
  return "applied";
}
