import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";
import { enqueueAnalysis } from "@/lib/jobs/enqueue-analysis";

/**
 * design.md "Admission": lets in the queued analyses that fit their users' limits (round-robin
 * across users, oldest first within one) and hands them to the queue after commit. Call it after
 * anything that adds waiting work or frees a slot: a confirm, a cancel, an analysis ending, an
 * admin retry, and periodically from maintenance. `userIds` narrows it to those users.
 * Returns how many analyses were admitted.
 *
 * PLACEHOLDER until per-user admission lands: admits every waiting analysis (plain FIFO).
 */
export async function admitAndEnqueue(userIds?: readonly string[]): Promise<number> {
  if (userIds && userIds.length === 0) return 0;
  const admitted = await db
    .update(analyses)
    .set({ admittedAt: sql`now()` })
    .where(
      and(
        eq(analyses.status, "queued"),
        isNull(analyses.admittedAt),
        userIds ? inArray(analyses.userId, [...userIds]) : undefined,
      ),
    )
    .returning({ id: analyses.id });
  for (const { id } of admitted) await enqueueAnalysis(id);
  return admitted.length;
}
