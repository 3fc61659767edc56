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
import { type FormEvent, useRef, useState } from "react";
import { PasswordField } from "@/components/auth/password-field";
import {
  safeCallbackPath,
  signInErrorMessage,
  validateEmail,
  validatePassword,
} from "@/components/auth/validation";
import { formatCredits } from "@/components/format";

type FieldErrors = { email?: string | null; password?: string | null };

export function SignInForm({
  callbackUrl,
  initialError,
  grantCredits,
}: {
  callbackUrl: string | null;
  initialError: string | null;
  grantCredits: number;
}) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(
    initialError ? signInErrorMessage(initialError) : null,
  );
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const errors: FieldErrors = {
      email: validateEmail(email),
      password: validatePassword(password, "signin"),
    };
    setFieldErrors(errors);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();

    setPending(true);
    setFormError(null);
    try {
      const result = await signIn("credentials", {
        email: email.trim(),
        password,
        redirect: false,
      });
      if (!result || result.error || !result.ok) {
        setFormError(signInErrorMessage(result?.error ?? "CredentialsSignin"));
        setPending(false);
        passwordRef.current?.focus();
        return;
      }
      router.push(safeCallbackPath(callbackUrl) ?? "/analyses");
      router.refresh();
      // Keep the button disabled while the next page loads.
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
      aria-labelledby="signin-title"
    >
      <div>
        <Typography id="signin-title" variant="h4" component="h1">
          Sign in
        </Typography>
        <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5 }}>
          Welcome back. Your analyses keep running while you're away.
        </Typography>
      </div>

      {formError ? (
        <Alert severity="error" role="alert" data-testid="signin-error">
          {formError}
        </Alert>
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
