import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { decode, type JWT } from "next-auth/jwt";
import { cache } from "react";
import { getLiveSession, getLiveSessionUser } from "@/lib/auth/get-live-session-user";
import { sessionCookie, sessionSecret } from "@/lib/auth/session-cookie";
import type { SessionUser } from "@/lib/auth/session-user";
import { accountDisabled } from "@/lib/auth/set-user-disabled";
import { AppError } from "@/lib/errors";

export type { SessionUser } from "@/lib/auth/session-user";

/** The decoded session token, or null when it is missing, forged or expired. */
async function decodeSessionToken(raw: string | undefined): Promise<JWT | null> {
  if (!raw) return null;
  try {
    return await decode({ token: raw, secret: sessionSecret() });
  } catch {
    return null;
  }
}

/**
 * The signed-in user of a request's session cookie, checked live: the token is decoded (not
 * re-encrypted — `getServerSession` would also re-encrypt it for a cookie a route handler never
 * sends, which doubled the cost of a status poll), then its session row and account are read by
 * primary key. Null for anonymous callers, ended sessions and disabled accounts.
 */
export async function getRequestUser(request: NextRequest): Promise<SessionUser | null> {
  const token = await decodeSessionToken(request.cookies.get(sessionCookie().name)?.value);
  return token ? getLiveSessionUser(token) : null;
}

/**
 * The signed-in user (live, see `getRequestUser`), or null. For server components and actions.
 * Read once per request: a page's layouts and the page itself all ask (React `cache`).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const token = await decodeSessionToken(jar.get(sessionCookie().name)?.value);
  return token ? getLiveSessionUser(token) : null;
});

/** Pages: anonymous visitors are sent to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}

/** Pages: non-admins are sent back to their own analyses. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") redirect("/analyses");
  return user;
}

const unauthenticated = () => new AppError("unauthenticated", "Sign in to continue.");

/** Server actions: 401 for anonymous callers. */
export async function getUserOrThrow(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthenticated();
  return user;
}

/**
 * API routes: the user from the request's session cookie (live, see `getRequestUser`); 401 for
 * anonymous callers and ended sessions, 403 `account_disabled` for a disabled account.
 */
export async function getRequestUserOrThrow(request: NextRequest): Promise<SessionUser> {
  const token = await decodeSessionToken(request.cookies.get(sessionCookie().name)?.value);
  const session = token ? await getLiveSession(token) : null;
  if (session?.state === "disabled") throw accountDisabled();
  if (session?.state !== "live") throw unauthenticated();
  return session.user;
}

/** API routes: 401 anonymous, 403 signed in but not an admin (the account's live role). */
export async function getRequestAdminOrThrow(request: NextRequest): Promise<SessionUser> {
  const user = await getRequestUserOrThrow(request);
  if (user.role !== "admin") throw new AppError("forbidden", "Admins only.");
  return user;
}
