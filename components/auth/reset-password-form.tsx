"use client";

import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { PasswordField } from "@/components/auth/password-field";
import { postJson } from "@/components/auth/post-json";
import { useFormFields } from "@/components/auth/use-form-fields";
import { MIN_PASSWORD_LENGTH, validatePassword } from "@/components/auth/validation";
import { ApiError, errorMessage } from "@/components/fetch-json";
import { Notice } from "@/components/notice";

/**
 * The reset link's page: a new password, POSTed with the token. On success every session has
 * ended, so the user signs in again with the new password (the sign-in page says so).
 */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const router = useRouter();
  const { values, field, check, setMessages } = useFormFields({ password: "", repeat: "" });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const valid = check({
      password: validatePassword(values.password, "signup"),
      repeat: values.repeat === values.password ? null : "The two passwords differ.",
    });
    if (!valid || !token) return;
    setPending(true);
    setError(null);
    try {
      const { email } = await postJson<{ email: string }>("/api/auth/password-reset/confirm", {
        token,
        password: values.password,
      });
      router.push(`/signin?notice=password_reset&email=${encodeURIComponent(email)}`);
    } catch (failure) {
      const fields = failure instanceof ApiError ? failure.details?.fieldErrors : undefined;
      if (fields && typeof fields === "object" && "password" in fields) {
        setMessages({ password: String(fields.password) });
      } else {
        setError(errorMessage(failure));
      }
      setPending(false);
    }
  };

  return (
    <Stack
      component="form"
      noValidate
      onSubmit={onSubmit}
      spacing={2.5}
      aria-labelledby="reset-title"
    >
      <div>
        <Typography id="reset-title" variant="h4" component="h1">
          Choose a new password
        </Typography>
        <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5 }}>
          Every device signed in to your account will be signed out.
        </Typography>
      </div>
      {!token ? (
        <Notice severity="error">
          This link is incomplete. Open the link from the mail again, or copy all of it.
        </Notice>
      ) : null}
      {error ? (
        <Notice
          severity="error"
          data-testid="reset-error"
          action={
            <Button component={NextLink} href="/forgot-password" color="inherit" size="small">
              New link
            </Button>
          }
        >
          {error}
        </Notice>
      ) : null}
      <PasswordField
        {...field("password", `At least ${MIN_PASSWORD_LENGTH} characters.`)}
        label="New password"
        autoComplete="new-password"
        autoFocus
        required
        disabled={pending || !token}
      />
      <PasswordField
        {...field("repeat")}
        label="Repeat the new password"
        autoComplete="new-password"
        required
        disabled={pending || !token}
      />
      <Button
        type="submit"
        variant="contained"
        size="large"
        loading={pending}
        disabled={!token}
        fullWidth
      >
        Set new password
      </Button>
      <Typography variant="body2" sx={{ color: "text.secondary", textAlign: "center" }}>
        <Link component={NextLink} href="/signin" sx={{ fontWeight: 600 }}>
          Back to sign in
        </Link>
      </Typography>
    </Stack>
  );
}
