"use client";

import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { type FormEvent, useState } from "react";
import { AccountCard } from "@/components/account/account-card";
import type { AccountView } from "@/components/account/account-view";
import { SaveOutcome } from "@/components/account/save-outcome";
import { useAccountSave } from "@/components/account/use-account-save";
import { postJson } from "@/components/auth/post-json";

/** The name shown in the header and in mails (`PATCH /api/me {name}`). */
export function ProfileCard({ account }: { account: AccountView }) {
  const [name, setName] = useState(account.name ?? "");
  const { state, save, busy } = useAccountSave();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(async () => {
      const saved = await postJson<{ name: string | null }>("/api/me", { name }, "PATCH");
      return saved.name ? `Your name is now ${saved.name}.` : "Your name was removed.";
    });
  };

  return (
    <AccountCard id="profile" title="Name" description="Shown in the header and in our mails.">
      <Stack component="form" noValidate onSubmit={onSubmit} spacing={2} aria-label="Name">
        <SaveOutcome state={state} testId="profile" />
        <TextField
          label="Name (optional)"
          name="name"
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={state.kind === "failed" && Boolean(state.fields.name)}
          helperText={(state.kind === "failed" && state.fields.name) || " "}
          slotProps={{ htmlInput: { maxLength: 100 } }}
          disabled={busy}
        />
        <Button type="submit" variant="contained" loading={busy} sx={{ alignSelf: "flex-start" }}>
          Save name
        </Button>
      </Stack>
    </AccountCard>
  );
}
