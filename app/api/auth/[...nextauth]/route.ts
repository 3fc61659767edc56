import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { withPublic } from "@/lib/http/json-route";
import { signInRateLimitedResponse } from "@/lib/rate-limit/sign-in-rate-limited-response";

const handler = NextAuth(authOptions);
const ROUTE = "/api/auth/[...nextauth]";

type Params = { nextauth: string[] };

/**
 * next-auth's own handler does the work (its routes, cookies and redirects are its protocol); the
 * wrapper only adds what every route gets: timing, HSTS, and for posts the origin check — which
 * refuses another site's posts (login CSRF, forced sign-out) before next-auth's double-submit
 * token is even read — and the media type: its client posts forms, and JSON for a session update.
 */
export const GET = withPublic<Params>(ROUTE, ({ request, params }) =>
  handler(request, { params: Promise.resolve(params) }),
);

/** A locked-out sign-in answers 429 + Retry-After instead of next-auth's 401. */
export const POST = withPublic<Params>(
  ROUTE,
  async ({ request, params }) =>
    signInRateLimitedResponse(await handler(request, { params: Promise.resolve(params) })),
  { body: ["form", "json"] },
);
