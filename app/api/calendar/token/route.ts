import { NextResponse } from "next/server";
import { revokeCalendarToken, rotateCalendarToken } from "@/lib/calendar/rotate-calendar-token";
import { withUser } from "@/lib/http/json-route";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

/**
 * A new private calendar URL (no body): `{url}`, shown once — only its hash is stored. The
 * previous URL stops working.
 */
export const POST = withUser(
  "/api/calendar/token",
  async ({ user }) => {
    await consumeOrThrow("calendarTokenUser", user.id);
    const { url } = await rotateCalendarToken(user.id);
    return NextResponse.json({ url }, { headers: { "cache-control": "no-store" } });
  },
  { body: "none" },
);

/** Turns the calendar feed off: its URL stops working (204). */
export const DELETE = withUser(
  "/api/calendar/token",
  async ({ user }) => {
    await consumeOrThrow("calendarTokenUser", user.id);
    await revokeCalendarToken(user.id);
    return new Response(null, { status: 204 });
  },
  { body: "none" },
);
