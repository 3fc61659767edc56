import { asc, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { creditBalances, creditEntries } from "@/lib/db/schema";

export async function entriesForAnalysis(analysisId: string) {
  const rows = await db
    .select({ kind: creditEntries.kind, amount: creditEntries.amount })
    .from(creditEntries)
    .where(eq(creditEntries.analysisId, analysisId))
    .orderBy(asc(creditEntries.id));
  return rows;
}

export async function balanceOf(userId: string) {
  const [row] = await db.select().from(creditBalances).where(eq(creditBalances.userId, userId));
  return row!;
}
