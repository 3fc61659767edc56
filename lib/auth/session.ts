import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import type { SessionUser } from "@/lib/auth/session-user";
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

/** APIs and actions: 401 for anonymous callers. */
export async function getUserOrThrow(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  return user;
}

/** APIs and actions: 401 anonymous, 403 signed in but not an admin. */
export async function getAdminOrThrow(): Promise<SessionUser> {
  const user = await getUserOrThrow();
  if (user.role !== "admin") throw new AppError("forbidden", "Admins only.");
  return user;
}
