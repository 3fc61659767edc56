"use client";

import AddIcon from "@mui/icons-material/Add";
import CloseIcon from "@mui/icons-material/Close";
import RemoveIcon from "@mui/icons-material/Remove";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import FormLabel from "@mui/material/FormLabel";
import IconButton from "@mui/material/IconButton";
import Snackbar from "@mui/material/Snackbar";
import Stack from "@mui/material/Stack";
import { alpha } from "@mui/material/styles";
import TextField from "@mui/material/TextField";
import ToggleButton from "@mui/material/ToggleButton";
import ToggleButtonGroup from "@mui/material/ToggleButtonGroup";
import Typography from "@mui/material/Typography";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { newIdempotencyKey } from "@/components/analyses/idempotency";
import type {
  CreditChangeDirection,
  CreditChangeKind,
  CreditChangeRequest,
  CreditChangeResponse,
} from "@/components/api-types";
import { errorMessage, fetchJson } from "@/components/fetch-json";
import { formatCredits, formatNumber } from "@/components/format";
import { queryKeys } from "@/components/query-keys";

/** Same bounds as the API (`creditChangeInputSchema`). */
const MAX_AMOUNT = 1_000_000;
const REASON_MIN = 3;
const REASON_MAX = 500;

export type CreditChangeTarget = {
  id: string;
  email: string;
  /** Available credits as last seen, for the "12 → 62" preview (the server has the final say). */
  available: number | undefined;
};

type Draft = {
  kind: CreditChangeKind;
  direction: CreditChangeDirection;
  amount: string;
  reason: string;
};

const EMPTY_DRAFT: Draft = { kind: "grant", direction: "credit", amount: "", reason: "" };

/** A positive whole number within the API's limit, or null. */
function parseAmount(raw: string): number | null {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return null;
  const n = Number.parseInt(text, 10);
  return n >= 1 && n <= MAX_AMOUNT ? n : null;
}

function amountError(raw: string): string | null {
  if (raw.trim() === "") return null;
  if (!/^\d+$/.test(raw.trim())) return "Enter a whole number of credits.";
  const n = Number.parseInt(raw.trim(), 10);
  if (n < 1) return "Enter at least 1 credit.";
  if (n > MAX_AMOUNT) return `At most ${formatNumber(MAX_AMOUNT)} credits at a time.`;
  return null;
}

function isDebitDraft(draft: Draft): boolean {
  return draft.kind === "adjust" && draft.direction === "debit";
}

function verb(draft: Draft): string {
  if (draft.kind === "grant") return "Grant";
  return isDebitDraft(draft) ? "Remove" : "Add";
}

/**
 * "Add 50 credits to ada@example.com — available 12 → 62"; a removal larger than what's available
 * says so instead of showing an impossible negative balance.
 */
export function creditChangeSummary(
  change: { kind: CreditChangeKind; direction: CreditChangeDirection },
  amount: number,
  email: string,
  available: number | undefined,
): string {
  const debit = change.kind === "adjust" && change.direction === "debit";
  const word = change.kind === "grant" ? "Grant" : debit ? "Remove" : "Add";
  const head = `${word} ${formatCredits(amount)} ${debit ? "from" : "to"} ${email}`;
  if (available === undefined) return head;
  if (debit && amount > available) return `${head} — only ${formatNumber(available)} available`;
  const after = debit ? available - amount : available + amount;
  return `${head} — available ${formatNumber(available)} → ${formatNumber(after)}`;
}

function successMessage(draft: Draft, amount: number, email: string, result: CreditChangeResponse) {
  const now = `available now ${formatNumber(result.balance.available)}`;
  if (!result.applied) return `This change was already applied — nothing more changed (${now}).`;
  const done = draft.kind === "grant" ? "Granted" : isDebitDraft(draft) ? "Removed" : "Added";
  const preposition = isDebitDraft(draft) ? "from" : "to";
  return `${done} ${formatCredits(amount)} ${preposition} ${email} — ${now}.`;
}

/**
 * Grant or adjust one user's credits, with a mandatory reason. One idempotency key per opening:
 * a double click, or a retry after a network error, can never apply the change twice.
 * Always mounted (controlled by `open`) so its success snackbar outlives the dialog.
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
  const queryClient = useQueryClient();
  const titleId = useId();
  const summaryId = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const busy = useRef(false);

  // A fresh form and a fresh key each time the dialog opens (state adjusted during render).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setDraft(EMPTY_DRAFT);
      setIdempotencyKey(newIdempotencyKey());
      setError(null);
    }
  }

  const amount = parseAmount(draft.amount);
  const amountProblem = amountError(draft.amount);
  const reason = draft.reason.trim();
  const reasonOk = reason.length >= REASON_MIN && reason.length <= REASON_MAX;
  const valid = user !== null && amount !== null && reasonOk;
  const available = user?.available;
  const overdraw =
    isDebitDraft(draft) && amount !== null && available !== undefined && amount > available;

  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };

  const close = () => {
    if (!pending) onClose();
  };

  const submit = async () => {
    if (busy.current || !valid || user === null || amount === null) return;
    busy.current = true;
    setPending(true);
    setError(null);
    const body: CreditChangeRequest = {
      kind: draft.kind,
      amount,
      direction: draft.kind === "grant" ? "credit" : draft.direction,
      reason,
    };
    try {
      const result = await fetchJson<CreditChangeResponse>(
        `/api/admin/users/${encodeURIComponent(user.id)}/credits`,
        {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
          body: JSON.stringify(body),
        },
      );
      setNotice(successMessage(draft, amount, user.email, result));
      onClose();
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminUsersList });
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminUserCredits(user.id) });
      // Cheap, and right when an admin adjusts their own account: the header badge updates.
      void queryClient.invalidateQueries({ queryKey: queryKeys.credits });
    } catch (cause) {
      // Keep the key: if the request did land (network error), a retry is answered as a replay.
      setError(errorMessage(cause));
    } finally {
      busy.current = false;
      setPending(false);
    }
  };

  const word = verb(draft);

  return (
    <>
      <Dialog
        open={open}
        onClose={close}
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
            void submit();
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
              <Box>
                <FormLabel component="div" sx={{ mb: 1, fontSize: "0.875rem" }}>
                  Type of change
                </FormLabel>
                <ToggleButtonGroup
                  exclusive
                  fullWidth
                  size="small"
                  color="primary"
                  value={draft.kind}
                  onChange={(_e, next: CreditChangeKind | null) => {
                    if (next) update({ kind: next, direction: "credit" });
                  }}
                  aria-label="Type of change"
                  disabled={pending}
                >
                  <ToggleButton value="grant" data-testid="credit-kind-grant">
                    Grant credits
                  </ToggleButton>
                  <ToggleButton value="adjust" data-testid="credit-kind-adjust">
                    Adjust balance
                  </ToggleButton>
                </ToggleButtonGroup>
                <Typography
                  variant="caption"
                  sx={{ display: "block", mt: 0.75, color: "text.secondary" }}
                >
                  {draft.kind === "grant"
                    ? "Adds credits to the account, e.g. a purchase or a goodwill gesture."
                    : "Corrects the balance in either direction. Held credits can't be removed."}
                </Typography>
              </Box>

              {draft.kind === "adjust" ? (
                <Box>
                  <FormLabel component="div" sx={{ mb: 1, fontSize: "0.875rem" }}>
                    Direction
                  </FormLabel>
                  <ToggleButtonGroup
                    exclusive
                    fullWidth
                    size="small"
                    color={draft.direction === "debit" ? "error" : "primary"}
                    value={draft.direction}
                    onChange={(_e, next: CreditChangeDirection | null) => {
                      if (next) update({ direction: next });
                    }}
                    aria-label="Direction"
                    disabled={pending}
                  >
                    <ToggleButton value="credit" data-testid="credit-direction-credit">
                      <AddIcon fontSize="small" sx={{ mr: 0.75 }} />
                      Add credits
                    </ToggleButton>
                    <ToggleButton value="debit" data-testid="credit-direction-debit">
                      <RemoveIcon fontSize="small" sx={{ mr: 0.75 }} />
                      Remove credits
                    </ToggleButton>
                  </ToggleButtonGroup>
                </Box>
              ) : null}

              <TextField
                label="Amount"
                required
                value={draft.amount}
                onChange={(e) => update({ amount: e.target.value })}
                error={amountProblem !== null}
                helperText={amountProblem ?? "Whole credits, 1 or more"}
                disabled={pending}
                autoComplete="off"
                sx={{ maxWidth: 240 }}
                slotProps={{
                  htmlInput: {
                    inputMode: "numeric",
                    pattern: "[0-9]*",
                    "data-testid": "credit-amount",
                  },
                }}
              />

              <TextField
                label="Reason"
                required
                multiline
                minRows={2}
                maxRows={6}
                value={draft.reason}
                onChange={(e) => update({ reason: e.target.value })}
                helperText="Recorded in the user's credit history with your name"
                disabled={pending}
                slotProps={{
                  htmlInput: { maxLength: REASON_MAX, "data-testid": "credit-reason" },
                }}
              />

              <Box
                id={summaryId}
                aria-live="polite"
                sx={{
                  px: 2,
                  py: 1.5,
                  borderRadius: 1,
                  bgcolor: (theme) =>
                    overdraw ? alpha(theme.palette.error.main, 0.06) : theme.palette.action.hover,
                  minHeight: 48,
                }}
              >
                {amount !== null && user ? (
                  <>
                    <Typography
                      variant="body2"
                      sx={{
                        fontWeight: 600,
                        overflowWrap: "anywhere",
                        fontVariantNumeric: "tabular-nums",
                      }}
                      data-testid="credit-summary"
                    >
                      {creditChangeSummary(draft, amount, user.email, available)}
                    </Typography>
                    {overdraw ? (
                      <Typography
                        variant="caption"
                        sx={{ display: "block", color: "error.main", mt: 0.25 }}
                      >
                        An adjustment can't take more than what's available; this will be refused.
                      </Typography>
                    ) : null}
                  </>
                ) : (
                  <Typography variant="body2" sx={{ color: "text.secondary" }}>
                    Enter an amount to see the effect on the balance.
                  </Typography>
                )}
              </Box>

              {error ? (
                <Alert severity="error" role="alert" data-testid="credit-change-error">
                  {error}
                </Alert>
              ) : null}
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="contained"
              color={isDebitDraft(draft) ? "error" : "primary"}
              disabled={!valid}
              loading={pending}
              aria-describedby={summaryId}
              data-testid="credit-submit"
            >
              {word} {amount !== null ? formatCredits(amount) : "credits"}
            </Button>
          </DialogActions>
        </Box>
      </Dialog>

      <Snackbar
        open={notice !== null}
        onClose={(_event, reason) => {
          if (reason !== "clickaway") setNotice(null);
        }}
        autoHideDuration={8_000}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        {notice ? (
          <Alert
            severity="success"
            variant="filled"
            action={
              <IconButton
                size="small"
                color="inherit"
                aria-label="Dismiss"
                onClick={() => setNotice(null)}
              >
                <CloseIcon fontSize="small" />
              </IconButton>
            }
            data-testid="credit-change-notice"
            sx={{ alignItems: "center", maxWidth: 560 }}
          >
            {notice}
          </Alert>
        ) : undefined}
      </Snackbar>
    </>
  );
}
