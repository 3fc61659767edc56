import { count, desc, eq, ilike } from "drizzle-orm";
import { z } from "zod";
import { toUserSummary, type UserSummary, userSummaryColumns } from "@/lib/auth/get-user-summary";
import { db } from "@/lib/db/client";
import type { Page } from "@/lib/db/page";
import { creditBalances, users } from "@/lib/db/schema";

export const listUsersQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type AdminUserRow = UserSummary & {
  balance: { available: number; held: number; spent: number; granted: number };
};

/** Users with their balances for the admin console, newest first, searchable by email. */
export async function listUsers(
  query: z.infer<typeof listUsersQuerySchema>,
): Promise<Page<AdminUserRow>> {
  const where = query.q ? ilike(users.email, `%${query.q.replace(/[%_\\]/g, "\\$&")}%`) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...userSummaryColumns,
        available: creditBalances.available,
        held: creditBalances.held,
        spent: creditBalances.spent,
        granted: creditBalances.granted,
      })
      .from(users)
      .leftJoin(creditBalances, eq(creditBalances.userId, users.id))
      .where(where)
      .orderBy(desc(users.createdAt))
      .limit(query.pageSize)
      .offset(query.page * query.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...toUserSummary(r),
      balance: {
        available: r.available ?? 0,
        held: r.held ?? 0,
        spent: r.spent ?? 0,
        granted: r.granted ?? 0,
      },
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
