import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { activeLimitOf } from "@/lib/admission/active-limit";
import { lockUserAdmission, readUserUnits } from "@/lib/admission/user-units";
import { db } from "@/lib/db/client";
import { analyses, users } from "@/lib/db/schema";
import { enqueueAnalysis } from "@/lib/jobs/enqueue-analysis";
import { logger } from "@/lib/logger";

/** Analyses one pass admits at most (and users it considers): a pass stays short. */
const PASS_BOUND = 200;
/** Passes one call runs while each fills its bound (admission off lets a big backlog in). */
const MAX_PASSES = 20;

/** A user's next analyses waiting their turn in Postgres: the WHERE of both select and update. */
const isWaiting = () =>
  and(
    eq(analyses.status, "queued"),
    isNull(analyses.admittedAt),
    isNull(analyses.cancelRequestedAt),
  );

/**
 * design.md "Admission": lets in the queued analyses that fit their users' limits (round-robin
 * across users, oldest first within one) and hands them to the queue after commit. Call it after
 * anything that adds waiting work or frees a slot: a confirm, a cancel, an analysis ending, an
 * admin retry, and periodically from maintenance. `userIds` narrows it to those users.
 * Returns how many analyses were admitted.
 *
 * Each user is decided in a transaction of its own under the user's advisory lock (the chunk
 * gate takes the same lock), re-counting inside it, so any number of web and worker processes
 * admitting at once never let a user past their limit. A user's next analysis is admitted only
 * while wanted < limit: an older fanned-out analysis gets its chunks' slots first.
 */
export async function admitAndEnqueue(userIds?: readonly string[]): Promise<number> {
  if (userIds && userIds.length === 0) return 0;
  let total = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const admitted = await admitOnePass(userIds);
    // After commit, interleaved across users (first of each, then second of each …), so
    // BullMQ's FIFO serves users in turn. A failed enqueue is left to the relay.
    for (const id of interleave(admitted)) await enqueueAnalysis(id);
    const count = admitted.reduce((sum, ids) => sum + ids.length, 0);
    total += count;
    if (count < PASS_BOUND) break;
  }
  return total;
}

/** One bounded pass: returns the admitted ids per user, users in the order they were served. */
async function admitOnePass(userIds?: readonly string[]): Promise<string[][]> {
  // Users with waiting work, the one admitted longest ago (or never) first.
  const candidates = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        userIds ? inArray(users.id, [...userIds]) : undefined,
        sql`exists (select 1 from ${analyses} where ${analyses.userId} = ${users.id}
          and ${isWaiting()})`,
      ),
    )
    .orderBy(sql`${users.lastAdmittedAt} asc nulls first`, asc(users.id))
    .limit(PASS_BOUND);
  const admitted: string[][] = [];
  let budget = PASS_BOUND;
  for (const { id: userId } of candidates) {
    if (budget <= 0) break;
    const ids = await admitForUser(userId, budget).catch((error: Error) => {
      logger.warn({ userId, err: error.message }, "admission of a user failed; retried later");
      return [];
    });
    if (ids.length > 0) admitted.push(ids);
    budget -= ids.length;
  }
  return admitted;
}

/** Admits what fits of one user's waiting analyses (at most `max`), FIFO by confirm. */
async function admitForUser(userId: string, max: number): Promise<string[]> {
  return db.transaction(async (tx) => {
    await lockUserAdmission(tx, userId);
    const [user] = await tx
      .select({ maxActiveAnalyses: users.maxActiveAnalyses })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) return [];
    const limit = activeLimitOf(user);
    const room =
      limit === null ? max : Math.min(max, limit - (await readUserUnits(tx, userId)).wanted);
    if (room <= 0) return [];
    const next = await tx
      .select({ id: analyses.id })
      .from(analyses)
      .where(and(eq(analyses.userId, userId), isWaiting()))
      .orderBy(asc(analyses.confirmedAt), asc(analyses.id))
      .limit(room);
    if (next.length === 0) return [];
    // The WHERE re-checks the waiting condition: a cancel that committed since is not admitted.
    const rows = await tx
      .update(analyses)
      .set({ admittedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          inArray(
            analyses.id,
            next.map((r) => r.id),
          ),
          isWaiting(),
        ),
      )
      .returning({ id: analyses.id });
    if (rows.length === 0) return [];
    await tx.update(users).set({ lastAdmittedAt: sql`now()` }).where(eq(users.id, userId));
    // RETURNING keeps no order: FIFO (the select's order) again for the enqueue.
    const done = new Set(rows.map((r) => r.id));
    return next.map((r) => r.id).filter((id) => done.has(id));
  });
}

/** [[a1, a2], [b1]] → [a1, b1, a2]. */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) {
      const item = list[i];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
}
