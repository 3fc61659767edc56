"use client";

import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import NextLink from "next/link";
import { useState } from "react";
import type { ConfirmFailure, ConfirmFlags } from "@/components/analyses/confirm";
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
  // What the user chose explicitly after a guard refused (a duplicate, not a contract): kept,
  // so answering one guard does not lose the answer to the other.
  const [flags, setFlags] = useState<ConfirmFlags>({});
  const outcome = confirm.data;
  const failure = outcome && !outcome.ok && !confirm.isPending ? outcome.failure : null;
  const guard = failure?.kind === "rejected" ? guardOf(failure) : null;

  const onClick = (extra: ConfirmFlags = {}) => {
    if (confirm.isPending) return;
    const chosen = { ...flags, ...extra };
    setFlags(chosen);
    confirm.mutate(
      { documentId, idempotencyKey, ...chosen },
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
        onClick={() => onClick()}
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
          {guard ? (
            <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1, mt: 1 }}>
              {guard.existingId ? (
                <Button
                  size="small"
                  variant="contained"
                  component={NextLink}
                  href={`/analyses/${guard.existingId}`}
                  data-testid="open-existing-analysis"
                >
                  Open it (free)
                </Button>
              ) : null}
              <Button
                size="small"
                variant="outlined"
                onClick={() => onClick(guard.flag)}
                data-testid="confirm-anyway"
              >
                {guard.label}
              </Button>
            </Box>
          ) : null}
        </Notice>
      ) : null}
    </Box>
  );
}

/** A guard's refusal the user may overrule explicitly: what to send, and how to say it. */
function guardOf(
  failure: Extract<ConfirmFailure, { kind: "rejected" }>,
): { flag: ConfirmFlags; label: string; existingId: string | null } | null {
  if (failure.code === "duplicate_document") {
    const id = failure.details?.analysisId;
    return {
      flag: { rerun: true },
      label: "Analyze again anyway",
      existingId: typeof id === "string" ? id : null,
    };
  }
  if (failure.code === "not_a_contract") {
    return { flag: { acknowledgeWarning: true }, label: "Analyze anyway", existingId: null };
  }
  return null;
}
