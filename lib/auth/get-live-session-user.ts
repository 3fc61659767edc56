import { and, eq, isNull, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { userSessions, users } from "@/lib/db/schema";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// One prepared statement: the session row and its account, both by primary key.
const liveSession = db
  .select({ id: users.id, email: users.email, name: users.name, role: users.role })
  .from(userSessions)
  .innerJoin(users, eq(users.id, userSessions.userId))
  .where(
    and(
      eq(userSessions.id, sql.placeholder("sid")),
      eq(userSessions.userId, sql.placeholder("uid")),
      isNull(userSessions.revokedAt),
      isNull(users.disabledAt),
    ),
  )
  .prepare("live_session_user");

/**
 * The user a decoded session token stands for, read live: null when the token has no session id
 * (issued before sessions were recorded), the session ended (sign-out, password or role change,
 * disabled account) or the account is disabled. Role, email and name come from the account row,
 * never from the token, so a demoted admin is a user on the next request.
 */
export async function getLiveSessionUser(token: {
  uid?: unknown;
  sid?: unknown;
}): Promise<SessionUser | null> {
  const { uid, sid } = token;
  if (typeof uid !== "string" || typeof sid !== "string") return null;
  if (!UUID_RE.test(uid) || !UUID_RE.test(sid)) return null;
  const [row] = await liveSession.execute({ sid, uid });
  return row ?? null;
}
