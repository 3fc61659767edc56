import { eq, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { userSessions, users } from "@/lib/db/schema";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// One prepared statement: the session row and its account, both by primary key. (drizzle's
// postgres.js adapter uses the name only as "prepare me"; with DATABASE_PREPARED_STATEMENTS=false
// the client prepares nothing, and this runs as an unnamed statement like every other query.)
const sessionWithAccount = db
  .select({
    id: users.id,
    email: users.email,
    name: users.name,
    role: users.role,
    disabledAt: users.disabledAt,
    deletedAt: users.deletedAt,
    emailVerifiedAt: users.emailVerifiedAt,
    revokedAt: userSessions.revokedAt,
  })
  .from(userSessions)
  .innerJoin(users, eq(users.id, userSessions.userId))
  .where(eq(userSessions.id, sql.placeholder("sid")))
  .prepare("session_with_account");

/**
 * What a decoded session token stands for, read live: `live` with the account's current role,
 * email and name (never the token's); `disabled` when the account is disabled (so APIs can say
 * so); `ended` when the token has no session id (issued before sessions were recorded), its
 * session ended (sign-out, password or role change) or belongs to someone else.
 */
export type LiveSession =
  | { state: "live"; user: SessionUser }
  | { state: "disabled" }
  | { state: "ended" };

export async function getLiveSession(token: {
  uid?: unknown;
  sid?: unknown;
}): Promise<LiveSession> {
  const { uid, sid } = token;
  if (typeof uid !== "string" || typeof sid !== "string" || !UUID_RE.test(sid)) {
    return { state: "ended" };
  }
  const [row] = await sessionWithAccount.execute({ sid });
  if (!row || row.id !== uid) return { state: "ended" };
  // A deleted account is gone, not disabled: its old cookies are simply signed out (401).
  if (row.deletedAt) return { state: "ended" };
  if (row.disabledAt) return { state: "disabled" };
  if (row.revokedAt) return { state: "ended" };
  return {
    state: "live",
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      emailVerified: row.emailVerifiedAt !== null,
    },
  };
}

/** The live user of a token, or null for any session that is not live (pages, proxy). */
export async function getLiveSessionUser(token: {
  uid?: unknown;
  sid?: unknown;
}): Promise<SessionUser | null> {
  const session = await getLiveSession(token);
  return session.state === "live" ? session.user : null;
}
