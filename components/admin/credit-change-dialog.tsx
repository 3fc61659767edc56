"use client";

import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useId } from "react";
import {
  type CreditChangeTarget,
  changeVerb,
  isDebitDraft,
} from "@/components/admin/credit-change";
import { CreditChangeFields } from "@/components/admin/credit-change-fields";
import { CreditChangePreview } from "@/components/admin/credit-change-preview";
import { useCreditChangeForm } from "@/components/admin/use-credit-change-form";
import { formatCredits } from "@/components/format";
import { Notice, NoticeToast } from "@/components/notice";

/**
 * Grant or adjust one user's credits, with a mandatory reason (see `useCreditChangeForm`).
 * Always mounted (controlled by `open`) so its success notice outlives the dialog.
 */
export function CreditChangeDialog({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: CreditChangeTarget | null;
  onClose: () => void;
}) {
  const titleId = useId();
  const summaryId = useId();
  const form = useCreditChangeForm({ open, user, onClose });
  const { draft, amount, available, pending } = form;

  return (
    <>
      <Dialog
        open={open}
        onClose={form.close}
        fullWidth
        maxWidth="sm"
        aria-labelledby={titleId}
        data-testid="credit-change-dialog"
      >
        <Box
          component="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            form.submit();
          }}
          sx={{ display: "contents" }}
        >
          <DialogTitle id={titleId} sx={{ pb: 0.5 }}>
            Change credits
            {user ? (
              <Typography
                variant="body2"
                component="span"
                sx={{ display: "block", color: "text.secondary", overflowWrap: "anywhere" }}
              >
                {user.email}
                {available !== undefined ? ` · ${formatCredits(available)} available` : ""}
              </Typography>
            ) : null}
          </DialogTitle>
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 2 }}>
              <CreditChangeFields draft={draft} disabled={pending} onChange={form.update} />
              <CreditChangePreview
                id={summaryId}
                draft={draft}
                amount={amount}
                user={user}
                overdraw={form.overdraw}
              />
              {form.error ? (
                <Notice severity="error" data-testid="credit-change-error">
                  {form.error}
                </Notice>
              ) : null}
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={form.close} disabled={pending}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="contained"
              color={isDebitDraft(draft) ? "error" : "primary"}
              disabled={!form.valid}
              loading={pending}
              aria-describedby={summaryId}
              data-testid="credit-submit"
            >
              {changeVerb(draft)} {amount !== null ? formatCredits(amount) : "credits"}
            </Button>
          </DialogActions>
        </Box>
      </Dialog>

      <NoticeToast
        notice={form.notice ? { severity: "success", message: form.notice } : null}
        onClose={form.dismissNotice}
        autoHideMs={8_000}
        data-testid="credit-change-notice"
      />
    </>
  );
}
