"use client";

import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { signUpAction } from "@/app/actions/auth";
import { PasswordField } from "@/components/auth/password-field";
import {
  MIN_PASSWORD_LENGTH,
  signInErrorMessage,
  validateEmail,
  validatePassword,
} from "@/components/auth/validation";
import { formatCredits, formatNumber } from "@/components/format";
import { parseSignInRateLimit } from "@/lib/rate-limit/sign-in-rate-limit";

type FieldErrors = { email?: string | null; password?: string | null; name?: string | null };

/** Pulls a per-field message out of a validation error's details, whatever its exact shape. */
function fieldMessage(details: Record<string, unknown> | undefined, field: string): string | null {
  if (!details) return null;
  for (const key of ["fieldErrors", "fields", "errors"]) {
    const bag = details[key];
    if (typeof bag === "object" && bag !== null && field in bag) {
      const value = (bag as Record<string, unknown>)[field];
      if (typeof value === "string") return value;
      if (Array.isArray(value) && typeof value[0] === "string") return value[0];
    }
  }
  if (details.field === field && typeof details.message === "string") return details.message;
  return null;
}

export function SignUpForm({
  grantCredits,
  pagesPerCredit,
}: {
  grantCredits: number;
  pagesPerCredit: number;
}) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ReactNode>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const errors: FieldErrors = {
      email: validateEmail(email),
      password: validatePassword(password, "signup"),
    };
    setFieldErrors(errors);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();

    setPending(true);
    setFormError(null);
    try {
      const trimmedName = name.trim();
      const result = await signUpAction({
        email: email.trim(),
        password,
        ...(trimmedName ? { name: trimmedName } : {}),
      });
      if (!result.ok) {
        const { message, details } = result.error;
        // A rate limit's message says how long to wait; validation messages go to their fields.
        setFieldErrors({
          email: fieldMessage(details, "email"),
          password: fieldMessage(details, "password"),
          name: fieldMessage(details, "name"),
        });
        setFormError(message);
        setPending(false);
        return;
      }

      // Sign-up answers the same for a new e-mail and one that already has an account (so it
      // cannot be used to find out who has one); signing in tells the two apart for the owner.
      const signedIn = await signIn("credentials", {
        email: email.trim(),
        password,
        redirect: false,
      });
      if (!signedIn || signedIn.error || !signedIn.ok) {
        const wait = parseSignInRateLimit(signedIn?.error);
        setFormError(
          wait !== null ? (
            signInErrorMessage(signedIn?.error ?? "")
          ) : (
            <>
              We couldn't sign you in with this password. If you already have an account with this
              e-mail,{" "}
              <Link component={NextLink} href="/signin" color="inherit" sx={{ fontWeight: 600 }}>
                sign in
              </Link>{" "}
              with its password.
            </>
          ),
        );
        setPending(false);
        passwordRef.current?.focus();
        return;
      }
      router.push("/upload");
      router.refresh();
    } catch {
      setFormError("Can't reach Clauseflow right now. Check your connection and try again.");
      setPending(false);
    }
  };

  return (
    <Stack
      component="form"
      noValidate
      onSubmit={onSubmit}
      spacing={2.5}
      aria-labelledby="signup-title"
    >
      <div>
        <Typography id="signup-title" variant="h4" component="h1">
          Create your account
        </Typography>
        <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5 }}>
          You start with <strong>{formatCredits(grantCredits)}</strong> — enough for about{" "}
          {formatNumber(grantCredits * pagesPerCredit)} pages of contracts.
        </Typography>
      </div>

      {formError ? (
        <Alert severity="error" role="alert" data-testid="signup-error">
          {formError}
        </Alert>
      ) : null}

      <TextField
        label="Name (optional)"
        name="name"
        autoComplete="name"
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={Boolean(fieldErrors.name)}
        helperText={fieldErrors.name ?? " "}
        disabled={pending}
      />
      <TextField
        inputRef={emailRef}
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => {
          setEmail(e.target.value);
          if (fieldErrors.email) setFieldErrors((f) => ({ ...f, email: null }));
        }}
        error={Boolean(fieldErrors.email)}
        helperText={fieldErrors.email ?? " "}
        disabled={pending}
      />
      <PasswordField
        inputRef={passwordRef}
        label="Password"
        name="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => {
          setPassword(e.target.value);
          if (fieldErrors.password) setFieldErrors((f) => ({ ...f, password: null }));
        }}
        error={Boolean(fieldErrors.password)}
        helperText={fieldErrors.password ?? `At least ${MIN_PASSWORD_LENGTH} characters.`}
        disabled={pending}
      />

      <Button type="submit" variant="contained" size="large" loading={pending} fullWidth>
        Create account
      </Button>

      <Typography variant="body2" sx={{ color: "text.secondary", textAlign: "center" }}>
        Already have an account?{" "}
        <Link component={NextLink} href="/signin" sx={{ fontWeight: 600 }}>
          Sign in
        </Link>
      </Typography>
    </Stack>
  );
}
