import { formatWait } from "@/lib/rate-limit/format-wait";
import { parseSignInRateLimit } from "@/lib/rate-limit/sign-in-rate-limit";

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const MIN_PASSWORD_LENGTH = 8;

export function validateEmail(email: string): string | null {
  const value = email.trim();
  if (!value) return "Enter your email address.";
  if (!EMAIL_RE.test(value)) return "Enter a valid email address, like name@company.com.";
  return null;
}

export function validatePassword(password: string, mode: "signin" | "signup"): string | null {
  if (!password) return mode === "signin" ? "Enter your password." : "Choose a password.";
  if (mode === "signup" && password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  return null;
}

/**
 * Where to go after signing in. Only same-origin destinations are honoured (no open redirect);
 * absolute URLs from next-auth are reduced to their path.
 */
export function safeCallbackPath(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    const path = `${url.pathname}${url.search}${url.hash}`;
    if (path.startsWith("/signin") || path.startsWith("/signup") || path.startsWith("/api/")) {
      return null;
    }
    return path;
  } catch {
    return null;
  }
}

/** next-auth puts the authorize() failure in `error`; map it to words a person understands. */
export function signInErrorMessage(error: string): string {
  const wait = parseSignInRateLimit(error);
  if (wait !== null) return `Too many attempts — try again in ${formatWait(wait)}.`;
  if (/disabled/i.test(error))
    return "This account is disabled. Contact support if you think this is a mistake.";
  if (/credentials|password|invalid|CredentialsSignin/i.test(error))
    return "Wrong email or password.";
  if (/session|expired/i.test(error)) return "Your session has expired. Please sign in again.";
  return "Wrong email or password.";
}
