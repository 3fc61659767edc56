"use client";

import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import LinearProgress from "@mui/material/LinearProgress";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import {
  cancelledOutcomeText,
  failedOutcomeText,
  finishedBeforeCancelText,
  queueText,
} from "@/components/analyses/analysis-copy";
import { ConfirmQuoteButton } from "@/components/analyses/confirm-quote-button";
import { clampPercent, pagesText, stepText } from "@/components/analyses/progress";
import type { AnalysisView } from "@/components/api-types";
import { formatCredits } from "@/components/format";
import { Notice } from "@/components/notice";
import { spaceBetweenRow } from "@/components/query-state";

const uploadAgain = (
  <Button href="/upload" color="inherit" size="small">
    Upload again
  </Button>
);

/** Step, percent and the cancel button of a queued or running analysis. */
function ProgressPanel({ analysis, onCancel }: { analysis: AnalysisView; onCancel: () => void }) {
  const percent = clampPercent(analysis.progress.percent);
  const pages = pagesText(analysis);
  const cancelling = analysis.cancelRequested;
  const place = queueText(analysis.queue);
  return (
    <Box>
      <Box
        sx={{
          display: "flex",
          alignItems: "baseline",
          justifyContent: "space-between",
          gap: 2,
          mb: 1,
        }}
      >
        <Typography variant="body1" sx={{ fontWeight: 600 }} data-testid="analysis-step">
          {/* Queued: the line below says what it waits for; the heading need not say it too. */}
          {cancelling
            ? "Cancelling…"
            : analysis.status === "queued"
              ? "Queued"
              : stepText(analysis)}
        </Typography>
        <Typography
          variant="body1"
          sx={{ fontWeight: 600, fontVariantNumeric: "tabular-nums", color: "text.secondary" }}
          aria-hidden
        >
          {percent}%
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label="Analysis progress"
        aria-valuetext={`${percent}% — ${stepText(analysis)}`}
        data-testid="analysis-progress"
        sx={{ height: 8 }}
      />
      <Box sx={{ ...spaceBetweenRow, mt: 2 }}>
        <Typography variant="body2" sx={{ color: "text.secondary" }} data-testid="analysis-wait">
          {cancelling
            ? "Stopping at the next safe point. Your credits will be released — unless it finishes first: then the memo is kept and charged."
            : analysis.status === "queued"
              ? `${place ? `${place}.` : "It starts as soon as a worker is free."} You can close this tab — it keeps going.`
              : `${pages ? `${pages}. ` : ""}You can close this tab — it keeps going.`}
        </Typography>
        <Button
          variant="outlined"
          color="error"
          onClick={onCancel}
          disabled={cancelling}
          data-testid="cancel-analysis"
        >
          {cancelling ? "Cancelling…" : "Cancel analysis"}
        </Button>
      </Box>
    </Box>
  );
}

/** The failed outcome: the server's message, then what happened to the credits (said once). */
function FailedOutcome({ analysis }: { analysis: AnalysisView }) {
  const { message, creditsNote } = failedOutcomeText(analysis);
  return (
    <Notice
      severity="error"
      title="The analysis failed"
      action={uploadAgain}
      data-testid="analysis-outcome"
    >
      <Box component="span" data-testid="analysis-error" sx={{ display: "block" }}>
        {message}
      </Box>
      <Box component="span" sx={{ display: "block", mt: 0.5, fontWeight: 600 }}>
        {creditsNote}
      </Box>
    </Notice>
  );
}

/** What the analysis is doing now, or how it ended: one panel per status. */
export function AnalysisStatusPanel({
  analysis,
  onCancel,
}: {
  analysis: AnalysisView;
  onCancel: () => void;
}) {
  switch (analysis.status) {
    case "quoted":
      return (
        <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
          <Typography>
            This analysis is waiting for your confirmation. The price is fixed at{" "}
            <strong>{formatCredits(analysis.priceCredits)}</strong>, based on the file we stored.
            Credits are held when you confirm and charged only if the analysis succeeds.
          </Typography>
          <ConfirmQuoteButton
            documentId={analysis.documentId}
            priceCredits={analysis.priceCredits}
            label="Confirm & analyze"
          />
        </Stack>
      );
    case "queued":
    case "running":
      return <ProgressPanel analysis={analysis} onCancel={onCancel} />;
    case "succeeded":
      return (
        <Notice severity="success" title="Memo ready" data-testid="analysis-outcome">
          {analysis.cancelRequested
            ? `${finishedBeforeCancelText(analysis)} `
            : `${formatCredits(analysis.priceCredits)} charged. `}
          Read it below or download it as Markdown, Word or PDF.
        </Notice>
      );
    case "failed":
      return <FailedOutcome analysis={analysis} />;
    case "cancelled":
      return (
        <Notice severity="info" title="Cancelled" data-testid="analysis-outcome">
          {cancelledOutcomeText(analysis)}
        </Notice>
      );
    case "expired":
      return (
        <Notice
          severity="info"
          title="Quote expired"
          action={uploadAgain}
          data-testid="analysis-outcome"
        >
          This quote wasn't confirmed in time. Upload the file again for a fresh quote — nothing was
          charged.
        </Notice>
      );
  }
}
