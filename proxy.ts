import { type NextRequest, NextResponse } from "next/server";
import { getRequestUser } from "@/lib/auth/session";

/**
 * Before any page renders: anonymous visitors of app pages (and ended sessions, disabled accounts)
 * are redirected to sign-in; signed-in non-admins of admin pages (the account's live role) get a
 * 403 page. Layouts check again (defence in depth);
 * APIs answer 401/403 themselves.
 */
const ADMINS_ONLY_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Admins only · Clauseflow</title>
<style>body{font-family:system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f7f7f8;color:#1d1d1f}
main{max-width:28rem;padding:2rem;background:#fff;border:1px solid #e3e3e8;border-radius:12px}
h1{font-size:1.4rem;margin:0 0 .5rem}a{display:inline-block;margin-top:1rem;padding:.5rem 1rem;border-radius:8px;background:#3b5bdb;color:#fff;text-decoration:none}</style>
</head><body><main><h1>Admins only</h1>
<p>This part of Clauseflow is for administrators. Your account can upload contracts and read its own analyses; ask an administrator if you need admin access.</p>
<a href="/analyses">Go to my analyses</a></main></body></html>`;

export async function proxy(request: NextRequest) {
  const user = await getRequestUser(request);
  const { pathname, search } = request.nextUrl;
  if (!user) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (pathname.startsWith("/admin") && user.role !== "admin") {
    // A real 403, not a redirect: the URL stays, scripts see the status. (A rewrite to an app
    // page loses the status in Next 16, and the page's own check runs after streaming starts.)
    return new NextResponse(ADMINS_ONLY_HTML, {
      status: 403,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/admin/:path*", "/analyses/:path*", "/upload/:path*", "/credits/:path*"],
};
