"use client";

import AddIcon from "@mui/icons-material/Add";
import RemoveIcon from "@mui/icons-material/Remove";
import Box from "@mui/material/Box";
import FormLabel from "@mui/material/FormLabel";
import TextField from "@mui/material/TextField";
import ToggleButton from "@mui/material/ToggleButton";
import ToggleButtonGroup from "@mui/material/ToggleButtonGroup";
import Typography from "@mui/material/Typography";
import { amountError, type CreditChangeDraft, REASON_MAX } from "@/components/admin/credit-change";
import type { CreditChangeDirection, CreditChangeKind } from "@/components/api-types";

/** The inputs of the credit-change form: kind, direction (adjustments), amount and reason. */
export function CreditChangeFields({
  draft,
  disabled,
  onChange,
}: {
  draft: CreditChangeDraft;
  disabled: boolean;
  onChange: (patch: Partial<CreditChangeDraft>) => void;
}) {
  const amountProblem = amountError(draft.amount);
  return (
    <>
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
            if (next) onChange({ kind: next, direction: "credit" });
          }}
          aria-label="Type of change"
          disabled={disabled}
        >
          <ToggleButton value="grant" data-testid="credit-kind-grant">
            Grant credits
          </ToggleButton>
          <ToggleButton value="adjust" data-testid="credit-kind-adjust">
            Adjust balance
          </ToggleButton>
        </ToggleButtonGroup>
        <Typography variant="caption" sx={{ display: "block", mt: 0.75, color: "text.secondary" }}>
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
              if (next) onChange({ direction: next });
            }}
            aria-label="Direction"
            disabled={disabled}
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
        onChange={(e) => onChange({ amount: e.target.value })}
        error={amountProblem !== null}
        helperText={amountProblem ?? "Whole credits, 1 or more"}
        disabled={disabled}
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
        onChange={(e) => onChange({ reason: e.target.value })}
        helperText="Recorded in the user's credit history with your name"
        disabled={disabled}
        slotProps={{
          htmlInput: { maxLength: REASON_MAX, "data-testid": "credit-reason" },
        }}
      />
    </>
  );
}
