import { encode, type JWT } from "next-auth/jwt";
import type { SessionUser } from "@/lib/auth/session-user";
import { env } from "@/lib/env";

/** next-auth's default session lifetime, used by both sign-in paths. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * next-auth's cookie naming: over https (`NEXTAUTH_URL`) the session cookie is `__Secure-` and
 * `Secure`. Both sign-in paths (next-auth's callback and the form's server action) and every
 * reader agree through this one place.
 */
export function sessionCookie(): { name: string; secure: boolean } {
  const secure = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  return {
    name: secure ? "__Secure-next-auth.session-token" : "next-auth.session-token",
    secure,
  };
}

/** The secret next-auth signs with; development without one uses a fixed local value. */
export function sessionSecret(): string {
  return env.NEXTAUTH_SECRET ?? "clauseflow-development-only-secret-not-for-production";
}

/** The token claims next-auth's credentials flow produces for this user and session. */
export function sessionTokenClaims(user: SessionUser, sessionId: string): JWT {
  return {
    name: user.name,
    email: user.email,
    sub: user.id,
    uid: user.id,
    role: user.role,
    sid: sessionId,
  };
}

/** The encrypted token (JWE), exactly as next-auth would write it to the session cookie. */
export function encodeSessionToken(user: SessionUser, sessionId: string): Promise<string> {
  return encode({
    token: sessionTokenClaims(user, sessionId),
    secret: sessionSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
