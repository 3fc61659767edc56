import { cookies, headers } from "next/headers";
import {
  encodeSessionToken,
  SESSION_MAX_AGE_SECONDS,
  sessionCookie,
} from "@/lib/auth/session-cookie";
import type { SessionUser } from "@/lib/auth/session-user";
import { startUserSession } from "@/lib/auth/start-user-session";
import { db } from "@/lib/db/client";

/**
 * Server actions (the sign-in and sign-up forms): records a session and sets the same cookie
 * next-auth's credentials callback would — same name (`__Secure-` over https), token, flags and
 * lifetime — so everything downstream (API routes, pages, next-auth's sign-out) treats both alike.
 */
export async function issueSessionCookie(user: SessionUser): Promise<void> {
  const { sessionId } = await startUserSession(db, {
    userId: user.id,
    userAgent: (await headers()).get("user-agent"),
  });
  const { name, secure } = sessionCookie();
  (await cookies()).set(name, await encodeSessionToken(user, sessionId), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
