import { inArray, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { creditEntries } from "@/lib/db/schema";

export type SettledCredits = { captured: number; released: number };

/** Credits captured (spent on succeeded analyses) and released (returned), over the whole ledger. */
export async function sumSettledCredits(): Promise<SettledCredits> {
  const rows = await db
    .select({
      kind: creditEntries.kind,
      total: sql<number>`sum(${creditEntries.amount})::double precision`,
    })
    .from(creditEntries)
    .where(inArray(creditEntries.kind, ["capture", "release"]))
    .groupBy(creditEntries.kind);
  const total = (kind: string) => rows.find((r) => r.kind === kind)?.total ?? 0;
  return { captured: total("capture"), released: total("release") };
}
