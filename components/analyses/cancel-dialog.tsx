"use client";

import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import type { CancelAnswer } from "@/components/api-types";
import { formatCredits } from "@/components/format";

/**
 * Asks before cancelling; when the cancel arrived after the analysis had ended, says how it
 * ended and what it cost (`answer`) instead of closing as if it had been cancelled.
 * `onExited`: the dialog is gone — the caller moves focus somewhere sensible (the button that
 * opened it is disabled or gone by then).
 */
export function CancelDialog({
  open,
  documentName,
  priceCredits,
  pending,
  answer,
  onClose,
  onConfirm,
  onExited,
}: {
  open: boolean;
  documentName: string;
  priceCredits: number;
  pending: boolean;
  answer: CancelAnswer | null;
  onClose: () => void;
  onConfirm: () => void;
  onExited?: () => void;
}) {
  if (answer) {
    return (
      <Dialog
        open={open}
        onClose={onClose}
        disableRestoreFocus
        slotProps={{ transition: { onExited } }}
        aria-labelledby="cancel-dialog-title"
        aria-describedby="cancel-dialog-description"
        data-testid="cancel-dialog"
      >
        <DialogTitle id="cancel-dialog-title">
          {answer.outcome === "already_finished" ? "It had already finished" : "Nothing to cancel"}
        </DialogTitle>
        <DialogContent>
          <DialogContentText id="cancel-dialog-description" data-testid="cancel-answer">
            {answer.message}
          </DialogContentText>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} variant="contained" autoFocus data-testid="cancel-answer-close">
            Close
          </Button>
        </DialogActions>
      </Dialog>
    );
  }
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      disableRestoreFocus
      slotProps={{ transition: { onExited } }}
      aria-labelledby="cancel-dialog-title"
      aria-describedby="cancel-dialog-description"
      data-testid="cancel-dialog"
    >
      <DialogTitle id="cancel-dialog-title">Cancel this analysis?</DialogTitle>
      <DialogContent>
        <DialogContentText id="cancel-dialog-description">
          We'll stop analyzing <strong>{documentName}</strong> and release the{" "}
          {formatCredits(priceCredits)} held for it. Work done so far is discarded; to analyze it
          later you'll need to upload it again. If it finishes before the cancel reaches it, the
          memo is kept and charged.
        </DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={pending} autoFocus>
          Keep running
        </Button>
        <Button
          onClick={onConfirm}
          color="error"
          variant="contained"
          loading={pending}
          data-testid="cancel-analysis-confirm"
        >
          Cancel analysis
        </Button>
      </DialogActions>
    </Dialog>
  );
}
