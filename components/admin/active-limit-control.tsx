"use client";

import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { ReasonDialog } from "@/components/admin/reason-dialog";
import { useSetUserActiveLimit } from "@/components/admin/use-admin-mutations";
import { NoticeToast } from "@/components/notice";

const CHOICES = [1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100];
const limitLabel = (limit: number | null) => (limit === null ? "no limit" : String(limit));

/**
 * "Analyses at once: 2 (default)" and its change control (design.md "Admission"): an admin sets
 * a user's own limit, or puts it back to the default, with a reason for the audit log.
 */
export function ActiveLimitControl({
  user,
  defaultActiveLimit,
}: {
  user: { id: string; email: string; maxActiveAnalyses: number | null };
  defaultActiveLimit: number | null;
}) {
  const [open, setOpen] = useState(false);
  // "" = the default; otherwise the user's own limit.
  const [choice, setChoice] = useState<string>(String(user.maxActiveAnalyses ?? ""));
  const [notice, setNotice] = useState<string | null>(null);
  const mutation = useSetUserActiveLimit(user.id, {
    onDone: (limit) =>
      setNotice(
        `${user.email} may now have ${limitLabel(limit)} analyses running at once. Waiting ones start in their turn.`,
      ),
  });
  const limit = choice === "" ? null : Number(choice);
  const current =
    user.maxActiveAnalyses === null
      ? `${limitLabel(defaultActiveLimit)} (default)`
      : String(user.maxActiveAnalyses);

  return (
    <Box sx={{ display: "flex", alignItems: "center", gap: 1, mb: 3 }}>
      <Typography variant="body2" data-testid="active-limit">
        Analyses at once: <strong>{current}</strong>
      </Typography>
      <Button size="small" onClick={() => setOpen(true)} data-testid="change-active-limit">
        Change…
      </Button>
      <ReasonDialog
        open={open}
        title={`Analyses at once for ${user.email}`}
        confirmLabel="Set limit"
        onClose={() => setOpen(false)}
        mutation={{
          mutate: (reason, options) => mutation.mutate({ limit, reason }, options),
          isPending: mutation.isPending,
          error: mutation.error,
          reset: mutation.reset,
        }}
        testId="active-limit-dialog"
      >
        <Typography variant="body2">
          How many of their analyses may run at once; the rest wait their turn (other users go in
          between). Raising it starts waiting analyses now; lowering it lets running ones finish.
        </Typography>
        <TextField
          select
          label="Analyses at once"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          // "Default" is the empty value: shown, not left as a blank field under the label.
          slotProps={{
            htmlInput: { "data-testid": "active-limit-choice" },
            select: { displayEmpty: true },
            inputLabel: { shrink: true },
          }}
        >
          <MenuItem value="">Default ({limitLabel(defaultActiveLimit)})</MenuItem>
          {CHOICES.map((n) => (
            <MenuItem key={n} value={String(n)}>
              {n}
            </MenuItem>
          ))}
        </TextField>
      </ReasonDialog>
      <NoticeToast
        notice={notice ? { severity: "success", message: notice } : null}
        onClose={() => setNotice(null)}
        autoHideMs={8_000}
        data-testid="active-limit-notice"
      />
    </Box>
  );
}
