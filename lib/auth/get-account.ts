import { eq } from "drizzle-orm";
import type { AccountView } from "@/components/account/account-view";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** The signed-in user's own account, as the account page shows it. */
export async function getAccount(userId: string): Promise<AccountView> {
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      emailVerifiedAt: users.emailVerifiedAt,
      analysisMail: users.analysisMail,
      role: users.role,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new AppError("not_found", "Account not found.");
  return {
    email: row.email,
    name: row.name,
    emailVerified: row.emailVerifiedAt !== null,
    analysisMail: row.analysisMail,
    role: row.role,
  };
}
