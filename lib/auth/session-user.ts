import type { UserRole } from "@/lib/db/schema";

/** The user as carried in the JWT session and handed to domain functions. */
export type SessionUser = { id: string; email: string; name: string | null; role: UserRole };

/** The user a session token carries, or null (next-auth's `session` callback and API routes). */
export function sessionUserFromToken(token: {
  uid?: string;
  email?: string | null;
  name?: string | null;
  role?: string;
}): SessionUser | null {
  if (typeof token.uid !== "string" || !token.email) return null;
  return {
    id: token.uid,
    email: token.email,
    name: token.name ?? null,
    role: token.role === "admin" ? "admin" : "user",
  };
}
