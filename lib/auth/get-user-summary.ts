import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

export type UserSummary = {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
  disabled: boolean;
  /** The admin-set limit of analyses at once; null = the configured default. */
  maxActiveAnalyses: number | null;
  createdAt: string;
};

export const userSummaryColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  maxActiveAnalyses: users.maxActiveAnalyses,
  createdAt: users.createdAt,
};

type UserSummaryRow = {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
  disabledAt: Date | null;
  maxActiveAnalyses: number | null;
  createdAt: Date;
};

export function toUserSummary(row: UserSummaryRow): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    maxActiveAnalyses: row.maxActiveAnalyses,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One account's header facts for the admin console, or null when there is no such user. */
export async function getUserSummary(userId: string): Promise<UserSummary | null> {
  const [row] = await db.select(userSummaryColumns).from(users).where(eq(users.id, userId));
  return row ? toUserSummary(row) : null;
}
