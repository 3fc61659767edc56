"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { signUpInputSchema } from "@/lib/auth/create-user";
import { issueSessionCookie } from "@/lib/auth/issue-session-cookie";
import { safeRedirectPath } from "@/lib/auth/safe-redirect-path";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
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

const unreachable: AuthFormState["error"] = {
  code: "internal",
  message: "Something went wrong on our side. Please try again.",
};

function failure(error: unknown): AuthFormState["error"] {
  if (error instanceof AppError) {
    const fieldErrors = error.details?.fieldErrors;
    return {
      code: error.code,
      message: error.message,
      ...(fieldErrors && typeof fieldErrors === "object"
        ? { fields: fieldErrors as Record<string, string> }
        : {}),
    };
  }
  if (error instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
    return {
      code: "validation",
      message: error.issues.map((i) => i.message).join(" "),
      fields,
    };
  }
  logger.error({ err: error }, "unhandled error in an auth form action");
  return unreachable;
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
