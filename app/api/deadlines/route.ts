import { NextResponse } from "next/server";
import { z } from "zod";
import { hasCalendarFeed } from "@/lib/calendar/rotate-calendar-token";
import { listDeadlines } from "@/lib/deadlines/list-deadlines";
import { withUser } from "@/lib/http/json-route";

const querySchema = z.object({
  days: z.coerce.number().int().min(1).max(366).default(90),
});

/** My upcoming notice deadlines and expirations: `{today, days, overdue, next30, next90, calendar}`. */
export const GET = withUser("/api/deadlines", async ({ user, request }) => {
  const { days } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [deadlines, feed] = await Promise.all([
    listDeadlines({ userId: user.id, days }),
    hasCalendarFeed(user.id),
  ]);
  return NextResponse.json(
    { ...deadlines, calendar: { active: feed } },
    { headers: { "cache-control": "private, no-store" } },
  );
});
