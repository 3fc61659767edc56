import { sql } from "drizzle-orm";
import { verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** Returns the user for valid credentials, null otherwise; a disabled account is an error. */
export async function authenticateUser(
  email: string,
  password: string,
): Promise<SessionUser | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  if (!user) return null;
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  if (user.disabledAt) throw new AppError("account_disabled", "This account is disabled.");
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
