"use client";

import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { type FormEvent, useState } from "react";
import { AccountCard } from "@/components/account/account-card";
import type { AccountView } from "@/components/account/account-view";
import { SaveOutcome } from "@/components/account/save-outcome";
import { useAccountSave } from "@/components/account/use-account-save";
import { PasswordField } from "@/components/auth/password-field";
import { postJson } from "@/components/auth/post-json";

/**
 * E-mail change: a confirm link goes to the new address (`POST /api/me/email`); the account
 * keeps its current e-mail until that link is followed.
 */
export function EmailCard({ account }: { account: AccountView }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { state, save, busy } = useAccountSave();
  const fieldError = (name: string) => (state.kind === "failed" && state.fields[name]) || null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const done = await save(async () => {
      const sent = await postJson<{ email: string }>("/api/me/email", { email, password });
      return `We sent a confirmation link to ${sent.email}. Your e-mail changes when you open it; until then, sign in with ${account.email}.`;
    });
    if (done) {
      setEmail("");
      setPassword("");
    }
  };

  return (
    <AccountCard id="email" title="E-mail" description="Where we send links and notifications.">
      <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap" }}>
        <Typography sx={{ fontWeight: 600, wordBreak: "break-all" }} data-testid="account-email">
          {account.email}
        </Typography>
        {account.emailVerified ? (
          <Chip size="small" color="success" variant="outlined" label="Verified" />
        ) : (
          <Chip size="small" color="warning" variant="outlined" label="Not verified" />
        )}
      </Stack>
      <Stack component="form" noValidate onSubmit={onSubmit} spacing={2} aria-label="Change e-mail">
        <SaveOutcome state={state} testId="email" />
        <TextField
          label="New e-mail"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={Boolean(fieldError("email"))}
          helperText={fieldError("email") ?? " "}
          disabled={busy}
        />
        <PasswordField
          label="Current password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={Boolean(fieldError("password"))}
          helperText={fieldError("password") ?? "To make sure it's you."}
          disabled={busy}
        />
        <Button type="submit" variant="contained" loading={busy} sx={{ alignSelf: "flex-start" }}>
          Send confirmation link
        </Button>
      </Stack>
    </AccountCard>
  );
}
