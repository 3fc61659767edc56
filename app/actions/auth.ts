"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signUpInputSchema } from "@/lib/auth/create-user";
import { issueSessionCookie } from "@/lib/auth/issue-session-cookie";
import { safeRedirectPath } from "@/lib/auth/safe-redirect-path";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { toErrorBody } from "@/lib/http/to-error-body";
import { clientIp } from "@/lib/rate-limit/client-ip";

/**
 * The sign-in and sign-up forms post here (`<form action>` + `useActionState`): the credentials
 * travel in a POST body with or without JavaScript, never in a URL. Success sets the session
 * cookie and redirects; a failure comes back as state the form shows.
 */
export type AuthFormState = {
  error: { code: string; message: string; fields?: Record<string, string> } | null;
  email: string;
  name?: string;
};

const field = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};

/** The error body routes and actions share, with its per-field messages for the inputs. */
function failure(error: unknown): AuthFormState["error"] {
  const { code, message, details } = toErrorBody(error);
  const fields = details?.fieldErrors;
  return {
    code,
    message,
    ...(fields && typeof fields === "object" ? { fields: fields as Record<string, string> } : {}),
  };
}

export async function signInFormAction(
  _previous: AuthFormState,
  form: FormData,
): Promise<AuthFormState> {
  const email = field(form, "email").trim();
  const password = field(form, "password");
  if (!email || !password) {
    return {
      email,
      error: { code: "validation", message: "Enter your email and password." },
    };
  }
  try {
    const user = await signInWithPassword({ email, password, ip: clientIp(await headers()) });
    if (!user) {
      return { email, error: { code: "unauthenticated", message: "Wrong email or password." } };
    }
    await issueSessionCookie(user);
  } catch (error) {
    return { email, error: failure(error) };
  }
  // Outside the try: redirect() works by throwing.
  redirect(safeRedirectPath(field(form, "callbackUrl")) ?? "/analyses");
}

export async function signUpFormAction(
  _previous: AuthFormState,
  form: FormData,
): Promise<AuthFormState> {
  const email = field(form, "email").trim();
  const name = field(form, "name").trim();
  const password = field(form, "password");
  try {
    const input = signUpInputSchema.parse({ email, password, ...(name ? { name } : {}) });
    const ip = clientIp(await headers());
    // The same answer whether or not the e-mail is taken (lib/auth/sign-up-user.ts) …
    await signUpUser({ ...input, ip });
    // … and then the same check as the sign-in form: only the account's own password opens it.
    const user = await signInWithPassword({ email: input.email, password: input.password, ip });
    if (!user) {
      return {
        email,
        name,
        error: {
          code: "unauthenticated",
          message:
            "We couldn't sign you in with this password. If you already have an account with this e-mail, sign in with its password.",
        },
      };
    }
    await issueSessionCookie(user);
  } catch (error) {
    return { email, name, error: failure(error) };
  }
  // Outside the try: redirect() works by throwing.
  redirect("/upload");
}
