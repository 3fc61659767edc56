"use client";

import FormControl from "@mui/material/FormControl";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormLabel from "@mui/material/FormLabel";
import Radio from "@mui/material/Radio";
import RadioGroup from "@mui/material/RadioGroup";
import { useState } from "react";
import { AccountCard } from "@/components/account/account-card";
import type { AccountView } from "@/components/account/account-view";
import { SaveOutcome } from "@/components/account/save-outcome";
import { useAccountSave } from "@/components/account/use-account-save";
import { postJson } from "@/components/auth/post-json";
import type { AnalysisMailPreference } from "@/lib/db/schema";

const CHOICES: ReadonlyArray<{ value: AnalysisMailPreference; label: string }> = [
  { value: "long", label: "Only analyses that take over a minute" },
  { value: "always", label: "Every analysis" },
  { value: "never", label: "Never" },
];

/** When an analysis that finishes or fails sends a mail: saved as soon as a choice is made. */
export function NotificationsCard({ account }: { account: AccountView }) {
  const [choice, setChoice] = useState<AnalysisMailPreference>(account.analysisMail);
  const { state, save, busy } = useAccountSave();

  const onChange = async (value: AnalysisMailPreference) => {
    const previous = choice;
    setChoice(value);
    const done = await save(async () => {
      await postJson("/api/me", { analysisMail: value }, "PATCH");
      return "Saved.";
    });
    if (!done) setChoice(previous);
  };

  return (
    <AccountCard
      id="notifications"
      title="Notifications"
      description="We can mail you when an analysis is finished or has failed, so you don't have to keep the tab open."
    >
      <FormControl disabled={busy}>
        <FormLabel id="analysis-mail-label">Mail me when an analysis ends</FormLabel>
        <RadioGroup
          aria-labelledby="analysis-mail-label"
          name="analysisMail"
          value={choice}
          onChange={(event) => void onChange(event.target.value as AnalysisMailPreference)}
        >
          {CHOICES.map((c) => (
            <FormControlLabel key={c.value} value={c.value} control={<Radio />} label={c.label} />
          ))}
        </RadioGroup>
      </FormControl>
      <SaveOutcome state={state} testId="notifications" />
    </AccountCard>
  );
}
