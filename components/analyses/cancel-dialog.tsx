"use client";

import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import { formatCredits } from "@/components/format";

export function CancelDialog({
  open,
  documentName,
  priceCredits,
  pending,
  onClose,
  onConfirm,
}: {
  open: boolean;
  documentName: string;
  priceCredits: number;
  pending: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      aria-labelledby="cancel-dialog-title"
      aria-describedby="cancel-dialog-description"
      data-testid="cancel-dialog"
    >
      <DialogTitle id="cancel-dialog-title">Cancel this analysis?</DialogTitle>
      <DialogContent>
        <DialogContentText id="cancel-dialog-description">
          We'll stop analyzing <strong>{documentName}</strong> and release the{" "}
          {formatCredits(priceCredits)} held for it. Work done so far is discarded; to analyze it
          later you'll need to upload it again.
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
