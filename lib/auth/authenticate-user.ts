import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random password, made once per process with the same argon2 parameters as real
 * ones: an unknown e-mail is checked against it, so it costs the same time as a wrong password and
 * the answer's timing does not tell which e-mails have accounts.
 */
export function getDummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString("base64url"));
  return dummyHash;
}

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
  if (!user) {
    await verifyPassword(await getDummyPasswordHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  // A deleted account (its hash is unusable anyway) fails exactly like a wrong password.
  if (user.deletedAt) return null;
  if (user.disabledAt) throw new AppError("account_disabled", "This account is disabled.");
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
  };
}
