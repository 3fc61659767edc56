"use client";

import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { type FormEvent, useActionState, useRef, useState } from "react";
import { type AuthFormState, signInFormAction } from "@/app/actions/auth";
import { PasswordField } from "@/components/auth/password-field";
import { signInErrorMessage, validateEmail, validatePassword } from "@/components/auth/validation";
import { formatCredits } from "@/components/format";
import { Notice } from "@/components/notice";

type FieldErrors = { email?: string | null; password?: string | null };

const initialState: AuthFormState = { error: null, email: "" };

/**
 * The form posts to a server action: before hydration (or without JavaScript) the browser sends
 * a POST and follows the redirect, so the password never reaches a URL. Once hydrated, the same
 * action runs through React, after the fields are checked here.
 */
export function SignInForm({
  callbackUrl,
  initialError,
  grantCredits,
}: {
  callbackUrl: string | null;
  initialError: string | null;
  grantCredits: number;
}) {
  const [state, formAction, pending] = useActionState(signInFormAction, initialState);
  const [email, setEmail] = useState(state.email);
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [clientError, setClientError] = useState<string | null>(
    initialError ? signInErrorMessage(initialError) : null,
  );
  const [shownState, setShownState] = useState(state);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  // A new answer from the action replaces whatever the form showed before.
  if (shownState !== state) {
    setShownState(state);
    setClientError(null);
  }
  const formError = clientError ?? state.error?.message ?? null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const errors: FieldErrors = {
      email: validateEmail(email),
      password: validatePassword(password, "signin"),
    };
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      event.preventDefault();
      if (errors.email) emailRef.current?.focus();
      else passwordRef.current?.focus();
      return;
    }
    setClientError(null);
  };

  return (
    <Stack
      component="form"
      noValidate
      action={formAction}
      onSubmit={onSubmit}
      spacing={2.5}
      aria-labelledby="signin-title"
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <div>
        <Typography id="signin-title" variant="h4" component="h1">
          Sign in
        </Typography>
        <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5 }}>
          Welcome back. Your analyses keep running while you're away.
        </Typography>
      </div>

      {formError ? (
        <Notice severity="error" data-testid="signin-error">
          {formError}
        </Notice>
      ) : null}

      <TextField
        inputRef={emailRef}
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        autoFocus
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
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => {
          setPassword(e.target.value);
          if (fieldErrors.password) setFieldErrors((f) => ({ ...f, password: null }));
        }}
        error={Boolean(fieldErrors.password)}
        helperText={fieldErrors.password ?? " "}
        disabled={pending}
      />

      <Button type="submit" variant="contained" size="large" loading={pending} fullWidth>
        Sign in
      </Button>

      <Typography variant="body2" sx={{ color: "text.secondary", textAlign: "center" }}>
        New to Clauseflow?{" "}
        <Link component={NextLink} href="/signup" sx={{ fontWeight: 600 }}>
          Create an account
        </Link>{" "}
        and get {formatCredits(grantCredits)} to start.
      </Typography>
    </Stack>
  );
}
