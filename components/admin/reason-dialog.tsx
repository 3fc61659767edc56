"use client";

import Button, { type ButtonProps } from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { type ReactNode, useId, useState } from "react";
import { errorMessage } from "@/components/fetch-json";
import { Notice } from "@/components/notice";

/** The part of a `useMutation` result the dialog drives: run it, show pending and error. */
export type ReasonMutation = {
  mutate: (reason: string, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: unknown;
  reset: () => void;
};

/**
 * Confirms an admin action and asks why (the reason goes to the audit log). Runs the given
 * mutation; stays open with the server's message if the action is refused, closes on success.
 */
export function ReasonDialog({
  open,
  title,
  children,
  confirmLabel,
  color = "primary",
  onClose,
  mutation,
  testId,
}: {
  open: boolean;
  title: string;
  /** What will happen, in plain words (and any extra choices). */
  children: ReactNode;
  confirmLabel: string;
  color?: ButtonProps["color"];
  onClose: () => void;
  mutation: ReasonMutation;
  testId: string;
}) {
  const [reason, setReason] = useState("");
  const titleId = useId();
  const tooShort = reason.trim().length < 3;
  const submitting = mutation.isPending;

  const close = () => {
    if (submitting) return;
    setReason("");
    mutation.reset();
    onClose();
  };
  const submit = () => {
    mutation.mutate(reason.trim(), {
      onSuccess: () => {
        setReason("");
        mutation.reset();
        onClose();
      },
    });
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }} data-testid={testId}>
          {children}
          <TextField
            label="Reason (kept in the audit log)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            multiline
            minRows={2}
            autoFocus
            helperText={tooShort ? "At least 3 characters." : " "}
            slotProps={{ htmlInput: { maxLength: 500, "data-testid": `${testId}-reason` } }}
          />
          {mutation.error ? <Notice severity="error">{errorMessage(mutation.error)}</Notice> : null}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={close} disabled={submitting}>
          Keep as is
        </Button>
        <Button
          variant="contained"
          color={color}
          onClick={submit}
          disabled={tooShort || submitting}
          data-testid={`${testId}-confirm`}
        >
          {submitting ? "Working…" : confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
