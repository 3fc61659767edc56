"use client";

import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import type { ConfirmFailure } from "@/components/analyses/confirm";
import { newIdempotencyKey } from "@/components/analyses/idempotency";
import type { BatchView } from "@/components/api-types";
import { useConfirmBatch } from "@/components/batches/use-batch-mutations";
import { MoreCreditsHint } from "@/components/credits/more-credits-hint";
import { useCredits } from "@/components/credits/use-credits";
import { formatCredits, formatNumber, pluralize } from "@/components/format";
import { Notice } from "@/components/notice";
import { spaceBetweenRow } from "@/components/query-state";

/** "This batch needs 12 credits; you have 9 available — 3 more credits needed." */
function shortMessage(total: number, available: number): string {
  return `This batch needs ${formatCredits(total)}; you have ${formatNumber(available)} available — ${formatCredits(total - available)} more needed. Nothing is charged until you have enough.`;
}

/**
 * The one button that starts a whole batch: one idempotency key per batch (kept after a network
 * failure, so a retry can never hold twice; replaced after a definite refusal), the balance
 * checked before the click, and the server's answer shown as it came.
 */
export function BatchConfirm({
  batch,
  onConfirmed,
}: {
  batch: BatchView;
  onConfirmed: (batch: BatchView) => void;
}) {
  const confirm = useConfirmBatch();
  const credits = useCredits();
  const [key, setKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState<ConfirmFailure | null>(null);
  const quoted = batch.files.filter((f) => f.status === "quoted");
  const total = quoted.reduce((sum, f) => sum + f.priceCredits, 0);
  const available = credits.data?.balance.available ?? null;
  const short = available !== null && available < total;
  // Files that do not look like contracts are analysed only with an explicit "Analyze anyway".
  const warned = quoted.filter((f) => f.quoteWarning === "not_a_contract");
  const [acknowledged, setAcknowledged] = useState(false);
  // Where OCR is off, scanned pages of a mixed PDF are left unread: said before anyone pays.
  const unread = quoted.filter((f) => f.unreadScans !== null);

  const onClick = async () => {
    setFailure(null);
    const outcome = await confirm.mutateAsync({
      batchId: batch.id,
      idempotencyKey: key,
      acknowledgeWarnings: warned.length > 0 && acknowledged,
    });
    if (outcome.ok) {
      onConfirmed(outcome.batch);
      return;
    }
    setFailure(outcome.failure);
    if (outcome.failure.kind !== "network") setKey(newIdempotencyKey());
  };

  if (quoted.length === 0) return null;
  return (
    <Box>
      {warned.length > 0 ? (
        <Notice
          severity="warning"
          sx={{ mb: 2 }}
          title={`${pluralize(warned.length, "file")} ${warned.length === 1 ? "does" : "do"} not look like a contract`}
          data-testid="batch-not-a-contract-warning"
        >
          {warned.map((f) => f.documentName).join(", ")}: too few words or no contract language, so
          the memo would likely be mostly empty. Remove them from the batch, or:
          <FormControlLabel
            sx={{ display: "flex", mt: 1 }}
            control={
              <Checkbox
                checked={acknowledged}
                onChange={(event) => setAcknowledged(event.target.checked)}
                data-testid="batch-acknowledge-warning"
              />
            }
            label="Analyze them anyway — I understand they are charged"
          />
        </Notice>
      ) : null}
      {unread.length > 0 ? (
        <Notice
          severity="warning"
          sx={{ mb: 2 }}
          title={`Scanned pages in ${pluralize(unread.length, "file")} will not be read`}
          data-testid="batch-unread-scans-warning"
        >
          {unread.map((f) => (
            <Typography key={f.analysisId} variant="body2" sx={{ overflowWrap: "anywhere" }}>
              {f.documentName}: {f.unreadScans}
            </Typography>
          ))}
        </Notice>
      ) : null}
      <Box sx={{ ...spaceBetweenRow, gap: 1.5 }}>
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          Your balance: <strong>{available === null ? "…" : formatCredits(available)}</strong>
        </Typography>
        <Button
          variant="contained"
          onClick={() => void onClick()}
          loading={confirm.isPending}
          disabled={confirm.isPending || (warned.length > 0 && !acknowledged)}
          data-testid="confirm-batch"
        >
          Analyze {pluralize(quoted.length, "contract")} for {formatCredits(total)}
        </Button>
      </Box>
      {short && failure?.kind !== "insufficient" ? (
        <Notice severity="warning" sx={{ mt: 2 }} data-testid="batch-insufficient-credits">
          {shortMessage(total, available)}
          <MoreCreditsHint />
        </Notice>
      ) : null}
      {failure ? (
        <Notice
          severity={failure.kind === "insufficient" ? "warning" : "error"}
          sx={{ mt: 2 }}
          data-testid={
            failure.kind === "insufficient" ? "batch-insufficient-credits" : "batch-confirm-error"
          }
        >
          {failure.message}
          {failure.kind === "insufficient" ? <MoreCreditsHint /> : null}
        </Notice>
      ) : null}
      <Typography variant="caption" sx={{ color: "text.secondary", display: "block", mt: 1.5 }}>
        One fixed price for the batch, held all at once or not at all. Each contract is charged only
        if its analysis succeeds.
      </Typography>
    </Box>
  );
}
