"use client";

import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import { useRef, useState } from "react";
import {
  type ConfirmFailure,
  confirmAnalysis,
  useRefreshAfterMutation,
} from "@/components/analyses/confirm";
import { newIdempotencyKey } from "@/components/analyses/idempotency";
import type { AnalysisView } from "@/components/api-types";
import { formatCredits } from "@/components/format";

/**
 * "Confirm (N credits)" for an analysis still awaiting confirmation. The idempotency key lives in
 * state: a double click or a retry after a network error reuses it.
 */
export function ConfirmQuoteButton({
  documentId,
  priceCredits,
  size = "medium",
  label,
  onConfirmed,
}: {
  documentId: string;
  priceCredits: number;
  size?: "small" | "medium" | "large";
  label?: string;
  onConfirmed?: (analysis: AnalysisView) => void;
}) {
  const refresh = useRefreshAfterMutation();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ConfirmFailure | null>(null);
  const busy = useRef(false);

  const onClick = async () => {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    setFailure(null);
    try {
      const outcome = await confirmAnalysis(documentId, idempotencyKey);
      if (outcome.ok) {
        refresh(outcome.analysis);
        onConfirmed?.(outcome.analysis);
        return;
      }
      setFailure(outcome.failure);
      if (outcome.failure.kind !== "network") setIdempotencyKey(newIdempotencyKey());
      refresh();
    } finally {
      busy.current = false;
      setPending(false);
    }
  };

  return (
    <Box sx={{ display: "flex", flexDirection: "column", alignItems: "flex-start", gap: 1 }}>
      <Button
        variant="contained"
        size={size}
        onClick={() => void onClick()}
        loading={pending}
        disabled={pending}
        data-testid="confirm-analysis"
        sx={{ whiteSpace: "nowrap" }}
      >
        {label ?? "Confirm"} ({formatCredits(priceCredits)})
      </Button>
      {failure ? (
        <Alert
          severity={failure.kind === "insufficient" ? "warning" : "error"}
          role="alert"
          data-testid={failure.kind === "insufficient" ? "insufficient-credits" : "confirm-error"}
          sx={{ py: 0, maxWidth: 360 }}
        >
          {failure.message}
        </Alert>
      ) : null}
    </Box>
  );
}
