import { type NextRequest, NextResponse } from "next/server";
import { getRequestUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import {
  createNonce,
  pageContentSecurityPolicy,
  strictTransportSecurity,
} from "@/lib/http/security-headers";

/**
 * Runs before every page (not API routes, not static files — see `config`).
 * Pages: a fresh CSP nonce per request (Next reads it from the request's CSP header and puts it
 * on its scripts; the root layout hands it to emotion); anonymous visitors of app pages (and ended sessions, disabled
 * accounts) are redirected to sign-in; signed-in non-admins of admin pages (the account's live role) get a 403 page. Layouts check
 * again (defence in depth); APIs answer 401/403 themselves. HSTS when the app is served over
 * https (API routes set it themselves: lib/http/add-transport-security.ts). Static headers come
 * from next.config.mjs.
 */
const SIGNED_IN_AREAS = ["/admin", "/analyses", "/upload", "/credits", "/deadlines"];

// Read at run time (the proxy runs in Node), so one build serves http and https deployments.
const hsts = strictTransportSecurity(env.NEXTAUTH_URL);
const https = hsts !== null;
const dev = env.NODE_ENV === "development";

const adminsOnlyHtml = (nonce: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Admins only · Clauseflow</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f7f7f8;color:#1d1d1f}
main{max-width:28rem;padding:2rem;background:#fff;border:1px solid #e3e3e8;border-radius:12px}
h1{font-size:1.4rem;margin:0 0 .5rem}a{display:inline-block;margin-top:1rem;padding:.5rem 1rem;border-radius:8px;background:#3b5bdb;color:#fff;text-decoration:none}</style>
</head><body><main><h1>Admins only</h1>
<p>This part of Clauseflow is for administrators. Your account can upload contracts and read its own analyses; ask an administrator if you need admin access.</p>
<a href="/analyses">Go to my analyses</a></main></body></html>`;

function isIn(pathname: string, area: string): boolean {
  return pathname === area || pathname.startsWith(`${area}/`);
}

function withTransportSecurity(response: NextResponse): NextResponse {
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

/** The redirect or 403 a visitor gets instead of a signed-in page, or null to render it. */
async function gateSignedInAreas(
  request: NextRequest,
  nonce: string,
): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (!SIGNED_IN_AREAS.some((area) => isIn(pathname, area))) return null;
  const user = await getRequestUser(request);
  if (!user) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (isIn(pathname, "/admin") && user.role !== "admin") {
    // A real 403, not a redirect: the URL stays, scripts see the status. (A rewrite to an app
    // page loses the status in Next 16, and the page's own check runs after streaming starts.)
    return new NextResponse(adminsOnlyHtml(nonce), {
      status: 403,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return null;
}

export async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = pageContentSecurityPolicy({ nonce, dev, https });
  let response = await gateSignedInAreas(request, nonce);
  if (!response) {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    headers.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("content-security-policy", csp);
  return withTransportSecurity(response);
}

export const config = {
  matcher: [
    // Pages only. Not /api: for a proxy Next buffers each request's whole body (and cuts it at
    // 10 MB) before the route sees it — the streamed upload would break — and the status poll,
    // what every open tab asks every 2 s, skips the proxy's cost.
    // Nor the static files of public/ (favicon, robots.txt, brand/ icons and social card).
    "/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt|brand/).*)",
  ],
};
