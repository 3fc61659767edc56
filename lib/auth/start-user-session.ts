import type { DbOrTx } from "@/lib/db/client";
import { userSessions } from "@/lib/db/schema";

/**
 * A sign-in: one `user_sessions` row whose id the session token carries as `sid`. Called by
 * next-auth's credentials flow and by the sign-in form's server action alike.
 */
export async function startUserSession(
  db: DbOrTx,
  input: { userId: string; userAgent?: string | null },
): Promise<{ sessionId: string }> {
  const [row] = await db
    .insert(userSessions)
    .values({ userId: input.userId, userAgent: input.userAgent?.slice(0, 500) ?? null })
    .returning({ id: userSessions.id });
  if (!row) throw new Error("user_sessions insert returned no row");
  return { sessionId: row.id };
}
