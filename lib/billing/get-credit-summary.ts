import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/lib/db/client";
import {
  analyses,
  type CreditEntryKind,
  creditBalances,
  creditEntries,
  documents,
  users,
} from "@/lib/db/schema";

const actors = alias(users, "actors");

export type CreditBalanceView = { available: number; held: number; spent: number; granted: number };
export type CreditEntryView = {
  id: number;
  kind: CreditEntryKind;
  amount: number;
  /** True for an adjustment that took credits away. */
  debit: boolean;
  /** Who made a grant or adjustment (an admin), null for the system's own entries. */
  actorEmail: string | null;
  reason: string | null;
  analysisId: string | null;
  documentName: string | null;
  createdAt: string;
};

export async function getCreditBalance(userId: string): Promise<CreditBalanceView> {
  const [row] = await db
    .select({
      available: creditBalances.available,
      held: creditBalances.held,
      spent: creditBalances.spent,
      granted: creditBalances.granted,
    })
    .from(creditBalances)
    .where(eq(creditBalances.userId, userId));
  return row ?? { available: 0, held: 0, spent: 0, granted: 0 };
}

/** Latest entries first: one user's history, or everything one analysis moved. */
export async function listCreditEntries(
  of: { userId: string } | { analysisId: string },
  limit = 200,
): Promise<CreditEntryView[]> {
  const rows = await db
    .select({
      id: creditEntries.id,
      kind: creditEntries.kind,
      amount: creditEntries.amount,
      debit: creditEntries.debit,
      actorEmail: actors.email,
      reason: creditEntries.reason,
      analysisId: creditEntries.analysisId,
      documentName: documents.filename,
      createdAt: creditEntries.createdAt,
    })
    .from(creditEntries)
    .leftJoin(analyses, eq(analyses.id, creditEntries.analysisId))
    .leftJoin(documents, eq(documents.id, analyses.documentId))
    .leftJoin(actors, eq(actors.id, creditEntries.actorId))
    .where(
      "userId" in of
        ? eq(creditEntries.userId, of.userId)
        : eq(creditEntries.analysisId, of.analysisId),
    )
    .orderBy(desc(creditEntries.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
