"use client";

import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { type FormEvent, useState } from "react";
import { postJson } from "@/components/auth/post-json";
import { useFormFields } from "@/components/auth/use-form-fields";
import { validateEmail } from "@/components/auth/validation";
import { errorMessage } from "@/components/fetch-json";
import { Notice } from "@/components/notice";

/** "Forgot password": asks for a reset link. The answer is the same for any address. */
export function ForgotPasswordForm() {
  const { values, field, check } = useFormFields({ email: "" });
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check({ email: validateEmail(values.email) })) return;
    setPending(true);
    setError(null);
    try {
      const answer = await postJson<{ message: string }>("/api/auth/password-reset", {
        email: values.email.trim(),
      });
      setSent(answer.message);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack
      component="form"
      noValidate
      onSubmit={onSubmit}
      spacing={2.5}
      aria-labelledby="forgot-title"
    >
      <div>
        <Typography id="forgot-title" variant="h4" component="h1">
          Reset your password
        </Typography>
        <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5 }}>
          Enter your account's e-mail and we'll send you a link to choose a new password.
        </Typography>
      </div>
      {error ? <Notice severity="error">{error}</Notice> : null}
      {sent ? (
        <Notice severity="success" data-testid="password-reset-sent">
          {sent} Check your inbox (and the spam folder).
        </Notice>
      ) : (
        <>
          <TextField
            {...field("email")}
            label="Email"
            type="email"
            autoComplete="email"
            autoFocus
            required
            disabled={pending}
          />
          <Button type="submit" variant="contained" size="large" loading={pending} fullWidth>
            Send reset link
          </Button>
        </>
      )}
      <Typography variant="body2" sx={{ color: "text.secondary", textAlign: "center" }}>
        Remembered it?{" "}
        <Link component={NextLink} href="/signin" sx={{ fontWeight: 600 }}>
          Sign in
        </Link>
      </Typography>
    </Stack>
  );
}
