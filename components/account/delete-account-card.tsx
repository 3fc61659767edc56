"use client";

import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { type FormEvent, useState } from "react";
import type { AccountView } from "@/components/account/account-view";
import { errorMessage, fetchNoContent } from "@/components/fetch-json";
import { Notice } from "@/components/notice";

/** Where a deleted account lands: sign-in, with a notice that it is gone. */
const AFTER_DELETE = "/signin?deleted=1";

/** The danger zone: delete the account, after typing the password again. */
export function DeleteAccountCard({ account }: { account: AccountView }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const mutation = useMutation({
    mutationFn: () =>
      fetchNoContent("/api/me", {
        method: "DELETE",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ password }),
      }),
    // The server ended every session already; this clears the cookie and leaves the app.
    onSuccess: () => void signOut({ callbackUrl: AFTER_DELETE }),
  });
  const close = () => {
    if (mutation.isPending) return;
    setOpen(false);
    setPassword("");
    mutation.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password) mutation.mutate();
  };

  return (
    <Card variant="outlined" sx={{ borderColor: "error.light" }} data-testid="delete-account-card">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          Delete account
        </Typography>
        <Typography variant="body2" sx={{ color: "text.secondary", mb: 2 }}>
          Deletes every uploaded file, memo and result at once, cancels analyses still running
          (their held credits are released) and signs you out everywhere. Unused credits are lost.
          Your credit history is kept, without your name or e-mail, as the financial record.
          {account.role === "admin"
            ? " As an administrator, you can only do this while another active admin remains."
            : ""}
        </Typography>
        <Button
          color="error"
          variant="outlined"
          onClick={() => setOpen(true)}
          data-testid="delete-account"
        >
          Delete my account…
        </Button>
      </CardContent>
      <Dialog
        open={open}
        onClose={close}
        aria-labelledby="delete-account-title"
        slotProps={{ paper: { component: "form", onSubmit: submit } }}
        data-testid="delete-account-dialog"
      >
        <DialogTitle id="delete-account-title">Delete your account?</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            This cannot be undone. Everything you uploaded for <strong>{account.email}</strong> is
            deleted now; the e-mail address can be used for a new account afterwards.
          </DialogContentText>
          <TextField
            label="Your password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
            fullWidth
            autoFocus
            slotProps={{ htmlInput: { "data-testid": "delete-account-password" } }}
          />
          {mutation.error ? (
            <Notice severity="error" sx={{ mt: 2 }}>
              {errorMessage(mutation.error)}
            </Notice>
          ) : null}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close} disabled={mutation.isPending}>
            Keep my account
          </Button>
          <Button
            type="submit"
            color="error"
            variant="contained"
            disabled={!password}
            loading={mutation.isPending || mutation.isSuccess}
            data-testid="delete-account-confirm"
          >
            Delete account
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
}
