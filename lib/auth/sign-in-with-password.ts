import { authenticateUser } from "@/lib/auth/authenticate-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { guardSignIn } from "@/lib/rate-limit/guard-sign-in";

/**
 * Every password check of a sign-in (the form's server action and next-auth's credentials
 * callback for scripts) goes through here, so the sign-in limits and lockout cover them all.
 * Null for a wrong e-mail or password; AppError `rate_limited` or `account_disabled` otherwise.
 */
export function signInWithPassword(input: {
  email: string;
  password: string;
  ip: string;
}): Promise<SessionUser | null> {
  return guardSignIn({ email: input.email, ip: input.ip }, () =>
    authenticateUser(input.email, input.password),
  );
}
