"use client";

import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { type FormEvent, useState } from "react";
import { AccountCard } from "@/components/account/account-card";
import type { AccountView } from "@/components/account/account-view";
import { SaveOutcome } from "@/components/account/save-outcome";
import { useAccountSave } from "@/components/account/use-account-save";
import { PasswordField } from "@/components/auth/password-field";
import { postJson } from "@/components/auth/post-json";
import { MIN_PASSWORD_LENGTH } from "@/components/auth/validation";
import { pluralize } from "@/components/format";

/** Password change (`POST /api/me/password`): other devices are signed out, this one stays. */
export function PasswordCard(_props: { account: AccountView }) {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const { state, save, busy } = useAccountSave();
  const fieldError = (name: string) => (state.kind === "failed" && state.fields[name]) || null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const done = await save(async () => {
      const { sessionsEnded } = await postJson<{ sessionsEnded: number }>("/api/me/password", {
        currentPassword,
        newPassword,
      });
      const others = Math.max(0, sessionsEnded - 1);
      return others > 0
        ? `Password changed. ${others} other ${pluralize(others, "device")} ${others === 1 ? "was" : "were"} signed out.`
        : "Password changed.";
    });
    if (done) {
      setCurrent("");
      setNew("");
    }
  };

  return (
    <AccountCard
      id="password"
      title="Password"
      description="Changing it signs out every other device signed in to your account."
    >
      <Stack
        component="form"
        noValidate
        onSubmit={onSubmit}
        spacing={2}
        aria-label="Change password"
      >
        <SaveOutcome state={state} testId="password" />
        <PasswordField
          label="Current password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrent(event.target.value)}
          error={Boolean(fieldError("currentPassword"))}
          helperText={fieldError("currentPassword") ?? " "}
          disabled={busy}
        />
        <PasswordField
          label="New password"
          name="newPassword"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => setNew(event.target.value)}
          error={Boolean(fieldError("newPassword"))}
          helperText={fieldError("newPassword") ?? `At least ${MIN_PASSWORD_LENGTH} characters.`}
          disabled={busy}
        />
        <Button type="submit" variant="contained" loading={busy} sx={{ alignSelf: "flex-start" }}>
          Change password
        </Button>
      </Stack>
    </AccountCard>
  );
}
