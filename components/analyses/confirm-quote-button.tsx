"use client";

import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import { useState } from "react";
import { newIdempotencyKey } from "@/components/analyses/idempotency";
import { useConfirmAnalysis } from "@/components/analyses/use-analysis-mutations";
import type { AnalysisView } from "@/components/api-types";
import { MoreCreditsHint } from "@/components/credits/more-credits-hint";
import { formatCredits } from "@/components/format";
import { Notice } from "@/components/notice";

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
  const confirm = useConfirmAnalysis();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const outcome = confirm.data;
  const failure = outcome && !outcome.ok && !confirm.isPending ? outcome.failure : null;

  const onClick = () => {
    if (confirm.isPending) return;
    confirm.mutate(
      { documentId, idempotencyKey },
      {
        onSuccess: (result) => {
          if (result.ok) {
            onConfirmed?.(result.analysis);
            return;
          }
          // A definite "no" means nothing was held: the next attempt is a new request. After a
          // network failure we don't know, so the retry must reuse the same key.
          if (result.failure.kind !== "network") setIdempotencyKey(newIdempotencyKey());
        },
      },
    );
  };

  return (
    <Box sx={{ display: "flex", flexDirection: "column", alignItems: "flex-start", gap: 1 }}>
      <Button
        variant="contained"
        size={size}
        onClick={onClick}
        loading={confirm.isPending}
        disabled={confirm.isPending}
        data-testid="confirm-analysis"
        sx={{ whiteSpace: "nowrap" }}
      >
        {label ?? "Confirm"} ({formatCredits(priceCredits)})
      </Button>
      {failure ? (
        <Notice
          severity={failure.kind === "insufficient" ? "warning" : "error"}
          data-testid={failure.kind === "insufficient" ? "insufficient-credits" : "confirm-error"}
          sx={{ py: 0, maxWidth: 360 }}
        >
          {failure.message}
          {failure.kind === "insufficient" ? <MoreCreditsHint /> : null}
        </Notice>
      ) : null}
    </Box>
  );
}
