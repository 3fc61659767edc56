"use client";

import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { type FormEvent, useActionState, useState } from "react";
import { type AuthFormState, signUpFormAction } from "@/app/actions/auth";
import { PasswordField } from "@/components/auth/password-field";
import { useFormFields } from "@/components/auth/use-form-fields";
import { MIN_PASSWORD_LENGTH, validateEmail, validatePassword } from "@/components/auth/validation";
import { formatCredits, formatNumber } from "@/components/format";
import { Notice } from "@/components/notice";

const initialState: AuthFormState = { error: null, email: "" };

/** Posts to a server action like the sign-in form: with or without JavaScript, never a URL. */
export function SignUpForm({
  grantCredits,
  pagesPerCredit,
}: {
  grantCredits: number;
  pagesPerCredit: number;
}) {
  const [state, formAction, pending] = useActionState(signUpFormAction, initialState);
  const { values, field, check, setMessages } = useFormFields({
    name: state.name ?? "",
    email: state.email,
    password: "",
  });
  const [shownState, setShownState] = useState<AuthFormState | null>(null);
  // A new answer from the action: its field messages replace the ones shown.
  if (shownState !== state && state.error) {
    setShownState(state);
    const fields = state.error.fields ?? {};
    setMessages({
      email: fields.email ?? null,
      password: fields.password ?? null,
      name: fields.name ?? null,
    });
  }
  // Sign-up answers the same whether or not the e-mail has an account (so it cannot be used to
  // find out who has one); the sign-in that follows tells the owner what to do. A refused field's
  // message shows under its input, so the form-level line would only repeat it.
  const formError =
    state.error?.code === "unauthenticated" ? (
      <>
        We couldn&apos;t sign you in with this password. If you already have an account with this
        e-mail,{" "}
        <Link component={NextLink} href="/signin" color="inherit" sx={{ fontWeight: 600 }}>
          sign in
        </Link>{" "}
        with its password.
      </>
    ) : state.error?.code === "validation" && state.error.fields ? null : (
      (state.error?.message ?? null)
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const valid = check({
      email: validateEmail(values.email),
      password: validatePassword(values.password, "signup"),
    });
    if (!valid) event.preventDefault();
  };

  return (
    <Stack
      component="form"
      noValidate
      action={formAction}
      onSubmit={onSubmit}
      spacing={2.5}
      aria-labelledby="signup-title"
    >
      <div>
        <Typography id="signup-title" variant="h4" component="h1">
          Create your account
        </Typography>
        <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5 }}>
          Verify your e-mail and you get <strong>{formatCredits(grantCredits)}</strong> — enough for
          about {formatNumber(grantCredits * pagesPerCredit)} pages of contracts. We&apos;ll mail
          you the link.
        </Typography>
      </div>

      {formError ? (
        <Notice severity="error" data-testid="signup-error">
          {formError}
        </Notice>
      ) : null}

      <TextField
        {...field("name")}
        label="Name (optional)"
        autoComplete="name"
        autoFocus
        disabled={pending}
      />
      <TextField
        {...field("email")}
        label="Work email"
        type="email"
        autoComplete="email"
        required
        disabled={pending}
      />
      <PasswordField
        {...field("password", `At least ${MIN_PASSWORD_LENGTH} characters.`)}
        label="Password"
        autoComplete="new-password"
        required
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
