"use client";

import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import type { AnalysisView } from "@/components/api-types";
import { formatCredits } from "@/components/format";
import { Notice } from "@/components/notice";
import { isActive } from "@/lib/analyses/analysis-status";

/** What deleting this analysis removes, in the words of its status. */
function whatGoes(analysis: AnalysisView): string {
  switch (analysis.status) {
    case "succeeded":
      return "The uploaded file, its memo, findings and exports are deleted at once and cannot be recovered.";
    case "quoted":
    case "expired":
      return "The uploaded file and its quote are deleted at once. Nothing is charged.";
    default:
      return "The uploaded file and everything read from it are deleted at once and cannot be recovered.";
  }
}

/** Asks before deleting an analysis: what goes, what stays, and what happens to a running one. */
export function DeleteAnalysisDialog({
  open,
  analysis,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  open: boolean;
  analysis: AnalysisView;
  pending: boolean;
  error: string | null;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const active = isActive(analysis.status);
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      aria-labelledby="delete-analysis-title"
      aria-describedby="delete-analysis-description"
      data-testid="delete-analysis-dialog"
    >
      <DialogTitle id="delete-analysis-title">Delete this analysis?</DialogTitle>
      <DialogContent>
        <DialogContentText id="delete-analysis-description" component="div">
          <p style={{ marginTop: 0 }}>
            <strong>{analysis.documentName}</strong>: {whatGoes(analysis)}
          </p>
          {active ? (
            <p>
              It is {analysis.status === "queued" ? "waiting to start" : "running"}: it will be
              cancelled first, and the {formatCredits(analysis.priceCredits)} held for it released.
            </p>
          ) : null}
          <p style={{ marginBottom: 0 }}>
            Your credit history stays: its entries are your financial record, without the document's
            name.
          </p>
        </DialogContentText>
        {error ? (
          <Notice severity="error" sx={{ mt: 2 }}>
            {error}
          </Notice>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={pending} autoFocus>
          Keep it
        </Button>
        <Button
          onClick={onConfirm}
          color="error"
          variant="contained"
          loading={pending}
          data-testid="delete-analysis-confirm"
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
