import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";

/**
 * Real HTTP redirects before any page renders: anonymous visitors of app pages go to sign-in,
 * non-admins of admin pages go to their analyses. Layouts check again (defence in depth);
 * APIs answer 401/403 themselves.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request });
  const { pathname, search } = request.nextUrl;
  if (!token) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (pathname.startsWith("/admin") && token.role !== "admin") {
    return NextResponse.redirect(new URL("/analyses", request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/admin/:path*", "/analyses/:path*", "/upload/:path*", "/credits/:path*"],
};
