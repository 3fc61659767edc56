import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/auth-options";
import { type SessionUser, sessionUserFromToken } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";

export type { SessionUser } from "@/lib/auth/session-user";

/** The signed-in user from the JWT session, or null. For server components, actions, routes. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, role: user.role };
}

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
 * API routes: the user from the request's session cookie, 401 for anonymous callers. The token is
 * only decoded — `getServerSession` would also re-encrypt it for a cookie that a route handler
 * never sends, which doubled the cost of every status poll.
 */
export async function getRequestUserOrThrow(request: NextRequest): Promise<SessionUser> {
  const token = await getToken({ req: request });
  const user = token ? sessionUserFromToken(token) : null;
  if (!user) throw unauthenticated();
  return user;
}

/** API routes: 401 anonymous, 403 signed in but not an admin. */
export async function getRequestAdminOrThrow(request: NextRequest): Promise<SessionUser> {
  const user = await getRequestUserOrThrow(request);
  if (user.role !== "admin") throw new AppError("forbidden", "Admins only.");
  return user;
}
