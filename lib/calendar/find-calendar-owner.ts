import { and, eq, isNull } from "drizzle-orm";
import { hashCalendarToken, looksLikeCalendarToken } from "@/lib/calendar/calendar-token";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

/**
 * The user whose live calendar secret `token` is, or null: unknown, rotated away, revoked, or
 * the account is deleted or disabled. Looked up by hash (unique index), so the comparison does
 * not leak the secret through timing.
 */
export async function findCalendarOwner(token: string): Promise<{ userId: string } | null> {
  if (!looksLikeCalendarToken(token)) return null;
  const [row] = await db
    .select({ userId: users.id })
    .from(users)
    .where(
      and(
        eq(users.calendarTokenHash, hashCalendarToken(token)),
        isNull(users.deletedAt),
        isNull(users.disabledAt),
      ),
    );
  return row ?? null;
}
