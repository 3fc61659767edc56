"use client";

import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { ReasonDialog } from "@/components/admin/reason-dialog";
import { useAdminCancelAnalysis, useRetryAnalysis } from "@/components/admin/use-admin-mutations";
import type { AdminAnalysisDetail } from "@/components/api-types";
import { formatCredits } from "@/components/format";
import { isActive } from "@/lib/analyses/analysis-status";

/**
 * What an admin can do to one analysis: retry a failed one (free unless they choose to charge)
 * or cancel an active one. Both ask for a reason, which goes to the audit log.
 */
export function AdminAnalysisActions({
  analysis: a,
}: {
  analysis: AdminAnalysisDetail["analysis"];
}) {
  const [dialog, setDialog] = useState<"retry" | "cancel" | null>(null);
  const [charge, setCharge] = useState(false);
  const retry = useRetryAnalysis(a.id, { charge });
  const cancel = useAdminCancelAnalysis(a.id);

  return (
    <>
      <Stack direction="row" spacing={1}>
        {a.status === "failed" ? (
          <Button variant="contained" onClick={() => setDialog("retry")} data-testid="admin-retry">
            Retry…
          </Button>
        ) : null}
        {isActive(a.status) && !a.cancelRequested ? (
          <Button
            variant="outlined"
            color="error"
            onClick={() => setDialog("cancel")}
            data-testid="admin-cancel"
          >
            Cancel…
          </Button>
        ) : null}
      </Stack>
      <ReasonDialog
        open={dialog === "retry"}
        title="Retry this analysis?"
        confirmLabel={
          charge ? `Retry and charge ${formatCredits(a.priceCredits || 0)}` : "Retry free of charge"
        }
        onClose={() => setDialog(null)}
        mutation={retry}
        testId="retry-dialog"
      >
        <Typography variant="body2">
          A new analysis of the same document starts now for {a.userEmail}. This failed one stays in
          the history, linked to the new one.
        </Typography>
        <FormControlLabel
          control={
            <Checkbox
              checked={charge}
              onChange={(e) => setCharge(e.target.checked)}
              slotProps={{ input: { "aria-describedby": "charge-help" } }}
              data-testid="retry-charge"
            />
          }
          label="Charge the user for the retry"
        />
        <Typography
          id="charge-help"
          variant="body2"
          sx={{ color: charge ? "warning.main" : "text.secondary" }}
        >
          {charge
            ? "The user is charged again: the price is held from their credits now and captured only if the retry succeeds."
            : "Free of charge: the user is not charged again and their balance does not change."}
        </Typography>
      </ReasonDialog>
      <ReasonDialog
        open={dialog === "cancel"}
        title="Cancel this analysis?"
        confirmLabel="Cancel analysis"
        color="error"
        onClose={() => setDialog(null)}
        mutation={cancel}
        testId="cancel-dialog"
      >
        <Typography variant="body2">
          The analysis stops at its next safe point and the held credits go back to {a.userEmail}.
          Nothing is charged. The user sees that an administrator cancelled it.
        </Typography>
      </ReasonDialog>
    </>
  );
}
