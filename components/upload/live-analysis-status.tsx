"use client";

import CheckCircleIcon from "@mui/icons-material/CheckCircle";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import LinearProgress from "@mui/material/LinearProgress";
import Typography from "@mui/material/Typography";
import { useEffect, useEffectEvent, useRef } from "react";
import { releasedText } from "@/components/analyses/analysis-copy";
import { clampPercent, stepText } from "@/components/analyses/progress";
import { useAnalysisQuery } from "@/components/analyses/use-analysis-detail";
import type { AnalysisView } from "@/components/api-types";
import { formatCredits } from "@/components/format";
import { Notice } from "@/components/notice";
import { isTerminal } from "@/lib/analyses/analysis-status";

const linkButton = (href: string, label: string, testId?: string) => (
  <Button
    href={href}
    color="inherit"
    size="small"
    sx={{ whiteSpace: "nowrap" }}
    data-testid={testId}
  >
    {label}
  </Button>
);

/**
 * A confirmed card on the upload page, following its analysis to the end (polled like the
 * analysis page, slower in a hidden tab, stopped once it ended): queued, running with its
 * progress, done with a link to the memo, failed or cancelled. `onFinished` fires once, when it
 * ends while this page watches.
 */
export function LiveAnalysisStatus({
  confirmed,
  onFinished,
}: {
  /** The analysis as the confirm answered it (queued). */
  confirmed: AnalysisView;
  onFinished: (analysis: AnalysisView) => void;
}) {
  const query = useAnalysisQuery(confirmed.id);
  const analysis = query.data?.analysis ?? confirmed;
  const href = `/analyses/${analysis.id}`;

  const previous = useRef(confirmed.status);
  const finished = useEffectEvent(onFinished);
  useEffect(() => {
    const before = previous.current;
    previous.current = analysis.status;
    if (!isTerminal(before) && isTerminal(analysis.status)) finished(analysis);
  }, [analysis]);

  return (
    <Box data-testid="quote-queued" data-status={analysis.status}>
      <StatusBody analysis={analysis} href={href} />
    </Box>
  );
}

function StatusBody({ analysis, href }: { analysis: AnalysisView; href: string }) {
  switch (analysis.status) {
    case "succeeded":
      return (
        <Notice
          severity="success"
          icon={<CheckCircleIcon />}
          action={linkButton(`${href}#memo`, "View memo", "quote-memo-link")}
        >
          Done — the memo is ready. {formatCredits(analysis.priceCredits)} charged.
        </Notice>
      );
    case "failed":
      return (
        <Notice severity="error" action={linkButton(href, "Details")}>
          Failed: {analysis.error?.message ?? "the analysis failed."} Your credits were released.
        </Notice>
      );
    case "cancelled":
    case "expired":
      return (
        <Notice severity="info" action={linkButton(href, "Details")}>
          Cancelled — {releasedText(analysis.priceCredits)}.
        </Notice>
      );
    case "running": {
      const percent = clampPercent(analysis.progress.percent);
      return (
        <Box>
          <Box sx={{ display: "flex", justifyContent: "space-between", gap: 2, mb: 1 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {analysis.cancelRequested ? "Cancelling…" : `Analyzing: ${stepText(analysis)}`}
            </Typography>
            <Typography
              variant="body2"
              sx={{ fontVariantNumeric: "tabular-nums", color: "text.secondary" }}
              aria-hidden
            >
              {percent}%
            </Typography>
          </Box>
          <LinearProgress
            variant="determinate"
            value={percent}
            aria-label={`Analysis progress of ${analysis.documentName}`}
          />
          <Box sx={{ display: "flex", justifyContent: "flex-end", mt: 1 }}>
            {linkButton(href, "View progress")}
          </Box>
        </Box>
      );
    }
    default:
      return (
        <Notice
          severity="success"
          icon={<CheckCircleIcon />}
          action={linkButton(href, "View progress")}
        >
          Queued. {formatCredits(analysis.priceCredits)} held until the analysis finishes.
        </Notice>
      );
  }
}
