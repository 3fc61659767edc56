import { NextResponse } from "next/server";
import { buildCalendarFeed, FEED_DAYS } from "@/lib/calendar/build-calendar-feed";
import { findCalendarOwner } from "@/lib/calendar/find-calendar-owner";
import { listDeadlines } from "@/lib/deadlines/list-deadlines";
import { withPublic } from "@/lib/http/json-route";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

const notFound = () =>
  NextResponse.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });

/**
 * `GET /api/calendar/<secret>.ics`: the private ICS feed calendar apps subscribe to. No cookie:
 * the secret in the URL is the credential. Unknown, rotated or revoked secrets (and deleted
 * accounts') are 404, like any missing page.
 */
export const GET = withPublic<{ token: string }>(
  "/api/calendar/[token]",
  async ({ request, params }) => {
    await consumeOrThrow("calendarFeedIp", clientIp(request.headers));
    const token = params.token.endsWith(".ics") ? params.token.slice(0, -".ics".length) : null;
    const owner = token ? await findCalendarOwner(token) : null;
    if (!owner) return notFound();
    const deadlines = await listDeadlines({ userId: owner.userId, days: FEED_DAYS });
    return new Response(await buildCalendarFeed(deadlines), {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'inline; filename="clauseflow-deadlines.ics"',
        // Calendar apps poll; a short private cache spares repeated fetches, and a rotated URL
        // 404s within minutes at worst.
        "cache-control": "private, max-age=300",
        "x-robots-tag": "noindex",
      },
    });
  },
);
