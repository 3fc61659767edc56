import { and, eq, isNull } from "drizzle-orm";
import { hashCalendarToken, newCalendarToken } from "@/lib/calendar/calendar-token";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { appUrl } from "@/lib/http/app-url";

/** The feed URL of a token: the only place the secret appears. */
export function calendarFeedUrl(token: string): string {
  return appUrl(`/api/calendar/${token}.ics`);
}

/**
 * Gives the user a new calendar secret, replacing (and so revoking) the old one, and returns
 * the feed URL. Only the hash is stored: this answer is the one time the URL can be shown.
 */
export async function rotateCalendarToken(userId: string): Promise<{ url: string }> {
  const token = newCalendarToken();
  const updated = await db
    .update(users)
    .set({ calendarTokenHash: hashCalendarToken(token) })
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .returning({ id: users.id });
  if (updated.length === 0) throw new AppError("not_found", "Your account was not found.");
  return { url: calendarFeedUrl(token) };
}

/** Turns the feed off: the URL stops working and none replaces it. */
export async function revokeCalendarToken(userId: string): Promise<void> {
  await db.update(users).set({ calendarTokenHash: null }).where(eq(users.id, userId));
}

/** Whether the user has a feed (its URL cannot be shown again). */
export async function hasCalendarFeed(userId: string): Promise<boolean> {
  const [row] = await db
    .select({ hash: users.calendarTokenHash })
    .from(users)
    .where(eq(users.id, userId));
  return Boolean(row?.hash);
}
