import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { auditReasonSchema } from "@/lib/audit/audit-reason";
import { recordAdminAction } from "@/lib/audit/record-admin-action";
import { lockAvailableCredits } from "@/lib/billing/hold-credits";
import { db } from "@/lib/db/client";
import { creditBalances, creditEntries } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";

export const creditChangeInputSchema = z
  .object({
    kind: z.enum(["grant", "adjust"]),
    amount: z.number().int().positive().max(1_000_000),
    /** Only an adjustment can take credits away (`debit`); a grant always adds. */
    direction: z.enum(["credit", "debit"]).default("credit"),
    reason: auditReasonSchema,
    idempotencyKey: z.string().trim().min(8).max(200).optional(),
  })
  .refine((v) => v.kind === "adjust" || v.direction === "credit", {
    message: "A grant always adds credits; use an adjustment to take credits away.",
    path: ["direction"],
  });
export type CreditChangeInput = z.infer<typeof creditChangeInputSchema>;

/**
 * An admin grants or adjusts a user's credits. Every change records who, when and why; a repeated
 * request with the same idempotency key is applied once. A debit can never make `available`
 * negative — credits held for running analyses are not the admin's to take.
 */
export async function adjustCredits(
  input: CreditChangeInput & { actorId: string; userId: string },
): Promise<{ applied: boolean; entryId: number }> {
  return db.transaction(async (tx) => {
    const available = await lockAvailableCredits(tx, input.userId);
    if (available === null) throw notFound("User");

    const debit = input.kind === "adjust" && input.direction === "debit";
    if (input.idempotencyKey) {
      const [seen] = await tx
        .select({
          id: creditEntries.id,
          userId: creditEntries.userId,
          kind: creditEntries.kind,
          amount: creditEntries.amount,
          debit: creditEntries.debit,
        })
        .from(creditEntries)
        .where(eq(creditEntries.idempotencyKey, input.idempotencyKey));
      const sameChange =
        seen?.userId === input.userId &&
        seen.kind === input.kind &&
        seen.amount === input.amount &&
        seen.debit === debit;
      if (seen && !sameChange) {
        throw new AppError(
          "idempotency_mismatch",
          "This idempotency key was already used for a different credit change.",
        );
      }
      if (seen) return { applied: false, entryId: seen.id };
    }

    if (debit && available < input.amount) {
      throw new AppError(
        "conflict",
        `Only ${available} credits are available; an adjustment cannot take more than that.`,
        { available: available },
      );
    }
    const [entry] = await tx
      .insert(creditEntries)
      .values({
        userId: input.userId,
        kind: input.kind,
        amount: input.amount,
        debit,
        actorId: input.actorId,
        reason: input.reason,
        idempotencyKey: input.idempotencyKey ?? null,
      })
      .returning({ id: creditEntries.id });
    await recordAdminAction(tx, {
      actorId: input.actorId,
      kind: input.kind === "grant" ? "grant_credits" : "adjust_credits",
      reason: input.reason,
      targetUserId: input.userId,
      data: { amount: input.amount, debit, entryId: entry?.id },
    });
    const delta = debit ? -input.amount : input.amount;
    await tx
      .update(creditBalances)
      .set({
        available: sql`${creditBalances.available} + ${delta}`,
        granted: sql`${creditBalances.granted} + ${delta}`,
        updatedAt: sql`now()`,
      })
      .where(eq(creditBalances.userId, input.userId));
    return { applied: true, entryId: entry!.id };
  });
}
