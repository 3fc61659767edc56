"use client";

import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { type FormEvent, useActionState, useState } from "react";
import { signInFormAction } from "@/app/actions/auth";
import { PasswordField } from "@/components/auth/password-field";
import { useFormFields } from "@/components/auth/use-form-fields";
import { signInErrorMessage, validateEmail, validatePassword } from "@/components/auth/validation";
import { formatCredits } from "@/components/format";
import { Notice } from "@/components/notice";

/** What the sign-in page can tell someone who arrives from another step (`?notice=`). */
const notices: Record<string, string> = {
  password_reset:
    "Your password was changed and every device was signed out. Sign in with the new password.",
};

/**
 * The form posts to a server action: before hydration (or without JavaScript) the browser sends
 * a POST and follows the redirect, so the password never reaches a URL. Once hydrated, the same
 * action runs through React, after the fields are checked here.
 */
export function SignInForm({
  callbackUrl,
  initialError,
  grantCredits,
  notice = null,
  initialEmail = "",
}: {
  callbackUrl: string | null;
  initialError: string | null;
  grantCredits: number;
  notice?: string | null;
  initialEmail?: string;
}) {
  const [state, formAction, pending] = useActionState(signInFormAction, {
    error: null,
    email: initialEmail,
  });
  const { values, field, check } = useFormFields({ email: state.email, password: "" });
  const [clientError, setClientError] = useState<string | null>(
    initialError ? signInErrorMessage(initialError) : null,
  );
  const [shownState, setShownState] = useState(state);
  // A new answer from the action replaces whatever the form showed before.
  if (shownState !== state) {
    setShownState(state);
    setClientError(null);
  }
  const formError = clientError ?? state.error?.message ?? null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const valid = check({
      email: validateEmail(values.email),
      password: validatePassword(values.password, "signin"),
    });
    if (!valid) {
      event.preventDefault();
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
      ) : notice && notices[notice] ? (
        <Notice severity="success" data-testid="signin-notice">
          {notices[notice]}
        </Notice>
      ) : null}

      <TextField
        {...field("email")}
        label="Email"
        type="email"
        autoComplete="email"
        autoFocus
        required
        disabled={pending}
      />
      <PasswordField
        {...field("password")}
        label="Password"
        autoComplete="current-password"
        required
        disabled={pending}
      />

      <Link
        component={NextLink}
        href="/forgot-password"
        variant="body2"
        sx={{ alignSelf: "flex-end", mt: "-8px !important" }}
      >
        Forgot password?
      </Link>

      <Button type="submit" variant="contained" size="large" loading={pending} fullWidth>
        Sign in
      </Button>

      <Typography variant="body2" sx={{ color: "text.secondary", textAlign: "center" }}>
        New to Clauseflow?{" "}
        <Link component={NextLink} href="/signup" sx={{ fontWeight: 600 }}>
          Create an account
        </Link>{" "}
        and get {formatCredits(grantCredits)} once you verify your e-mail.
      </Typography>
    </Stack>
  );
}
