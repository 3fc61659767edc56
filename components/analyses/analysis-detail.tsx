"use client";

import ArrowBackIcon from "@mui/icons-material/ArrowBack";
import CloseIcon from "@mui/icons-material/Close";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import IconButton from "@mui/material/IconButton";
import LinearProgress from "@mui/material/LinearProgress";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Snackbar from "@mui/material/Snackbar";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { cancelAnalysisAction } from "@/app/actions/analyses";
import { CancelDialog } from "@/components/analyses/cancel-dialog";
import { useRefreshAfterMutation } from "@/components/analyses/confirm";
import { ConfirmQuoteButton } from "@/components/analyses/confirm-quote-button";
import { FindingsView } from "@/components/analyses/findings-view";
import { MemoDownloadMenu } from "@/components/analyses/memo-download-menu";
import { MemoView } from "@/components/analyses/memo-view";
import { clampPercent, pagesText, stepText } from "@/components/analyses/progress";
import type { AnalysisResponse, AnalysisStatus, AnalysisView } from "@/components/api-types";
import { Fact } from "@/components/fact";
import { ApiError, errorMessage, fetchJson, fetchText } from "@/components/fetch-json";
import { durationBetween, formatCredits, formatDuration } from "@/components/format";
import { isDocumentHidden, POLL, queryKeys } from "@/components/query-keys";
import { spaceBetweenRow } from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";
import { StatusChip } from "@/components/status-chip";
import { useDocumentHidden } from "@/components/use-document-visibility";
import { isActive, isTerminal } from "@/lib/analyses/analysis-status";

const QUOTED_POLL_MS = 10_000;

function released(credits: number): string {
  return credits === 1
    ? "your 1 credit was released"
    : `your ${formatCredits(credits)} were released`;
}

function titleFor(a: AnalysisView): string {
  switch (a.status) {
    case "quoted":
      return "Awaiting confirmation";
    case "queued":
      return a.cancelRequested ? "Cancelling…" : "Queued";
    case "running":
      return a.cancelRequested ? "Cancelling…" : `Analyzing ${clampPercent(a.progress.percent)}%`;
    case "succeeded":
      return "✓ Memo ready";
    case "failed":
      return "✗ Failed";
    case "cancelled":
      return "Cancelled";
    case "expired":
      return "Quote expired";
  }
}

type Notice = { severity: "success" | "error" | "info"; message: ReactNode; action?: ReactNode };

function noticeFor(a: AnalysisView): Notice | null {
  switch (a.status) {
    case "succeeded":
      return {
        severity: "success",
        message: "Your memo is ready.",
        action: (
          <Button
            component="a"
            href="#memo"
            color="inherit"
            size="small"
            sx={{ whiteSpace: "nowrap" }}
          >
            View memo
          </Button>
        ),
      };
    case "failed":
      return {
        severity: "error",
        // Every failure message from the server already says that nothing was charged.
        message: a.error?.message ?? "The analysis failed. Nothing was charged.",
      };
    case "cancelled":
      return { severity: "info", message: `Cancelled — ${released(a.priceCredits)}.` };
    case "expired":
      return { severity: "info", message: "This quote expired before it was confirmed." };
    default:
      return null;
  }
}

function ProgressPanel({ analysis, onCancel }: { analysis: AnalysisView; onCancel: () => void }) {
  const percent = clampPercent(analysis.progress.percent);
  const pages = pagesText(analysis);
  const cancelling = analysis.cancelRequested;
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
          {cancelling ? "Cancelling…" : stepText(analysis)}
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
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          {cancelling
            ? "Stopping at the next safe point. Your credits will be released."
            : analysis.status === "queued"
              ? "It starts as soon as a worker is free. You can close this tab — it keeps going."
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

function StatusPanel({ analysis, onCancel }: { analysis: AnalysisView; onCancel: () => void }) {
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
        <Alert severity="success" data-testid="analysis-outcome">
          <AlertTitle>Memo ready</AlertTitle>
          {formatCredits(analysis.priceCredits)} charged. Read it below or download it as Markdown,
          Word or PDF.
        </Alert>
      );
    case "failed":
      return (
        <Alert
          severity="error"
          data-testid="analysis-outcome"
          action={
            <Button href="/upload" color="inherit" size="small">
              Upload again
            </Button>
          }
        >
          <AlertTitle>The analysis failed</AlertTitle>
          <Box component="span" data-testid="analysis-error" sx={{ display: "block" }}>
            {analysis.error?.message ?? "Something went wrong while analyzing this document."}
          </Box>
          <Box component="span" sx={{ display: "block", mt: 0.5, fontWeight: 600 }}>
            Nothing was charged — your credits were released.
          </Box>
        </Alert>
      );
    case "cancelled":
      return (
        <Alert severity="info" data-testid="analysis-outcome">
          <AlertTitle>Cancelled</AlertTitle>
          Nothing was charged — {released(analysis.priceCredits)}.
        </Alert>
      );
    case "expired":
      return (
        <Alert
          severity="info"
          data-testid="analysis-outcome"
          action={
            <Button href="/upload" color="inherit" size="small">
              Upload again
            </Button>
          }
        >
          <AlertTitle>Quote expired</AlertTitle>
          This quote wasn't confirmed in time. Upload the file again for a fresh quote — nothing was
          charged.
        </Alert>
      );
  }
}

function MemoSection({ analysis }: { analysis: AnalysisView }) {
  const memo = useQuery({
    queryKey: queryKeys.memo(analysis.id),
    queryFn: ({ signal }) =>
      fetchText(`/api/analyses/${encodeURIComponent(analysis.id)}/memo?inline=1`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="memo-title"
      id="memo"
      sx={{ scrollMarginTop: 88, overflow: "hidden" }}
    >
      <Box
        sx={{
          display: "flex",
          flexWrap: "wrap",
          alignItems: "center",
          justifyContent: "space-between",
          gap: 1.5,
          px: { xs: 2, sm: 3 },
          py: 2,
          borderBottom: 1,
          borderColor: "divider",
          bgcolor: "background.default",
        }}
      >
        <Typography id="memo-title" variant="h5" component="h2">
          Review memo
        </Typography>
        <MemoDownloadMenu analysisId={analysis.id} />
      </Box>
      <Box sx={{ px: { xs: 2, sm: 4 }, py: { xs: 2.5, sm: 4 }, maxWidth: 860 }} data-testid="memo">
        {memo.isPending ? (
          <Stack spacing={1} aria-busy="true" aria-label="Loading memo">
            <Skeleton variant="text" width="40%" height={36} />
            <Skeleton variant="text" />
            <Skeleton variant="text" />
            <Skeleton variant="text" width="80%" />
          </Stack>
        ) : memo.isError ? (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={() => void memo.refetch()}>
                Try again
              </Button>
            }
          >
            We couldn't load the memo. {errorMessage(memo.error)} You can still download it.
          </Alert>
        ) : (
          <MemoView markdown={memo.data} />
        )}
      </Box>
    </Paper>
  );
}

export function AnalysisDetail({ id }: { id: string }) {
  useDocumentHidden();
  const queryClient = useQueryClient();
  const refresh = useRefreshAfterMutation();

  const query = useQuery({
    queryKey: queryKeys.analysis(id),
    queryFn: ({ signal }) =>
      fetchJson<AnalysisResponse>(`/api/analyses/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (q) => {
      const status = q.state.data?.analysis.status;
      if (!status || isTerminal(status)) return false;
      if (isDocumentHidden()) return POLL.hiddenMs;
      return status === "quoted" ? QUOTED_POLL_MS : POLL.detailMs;
    },
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
  });
  const analysis = query.data?.analysis;

  const [cancelOpen, setCancelOpen] = useState(false);
  const [cancelPending, setCancelPending] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const previousStatus = useRef<AnalysisStatus | null>(null);

  // Tell the user when the analysis finishes while they're looking (not when they arrive).
  const status = analysis?.status;
  useEffect(() => {
    if (!status || !analysis) return;
    const previous = previousStatus.current;
    previousStatus.current = status;
    if (previous && previous !== status && !isTerminal(previous) && isTerminal(status)) {
      setNotice(noticeFor(analysis));
      // Capture or release just changed the balance and the list.
      void queryClient.invalidateQueries({ queryKey: queryKeys.credits });
      void queryClient.invalidateQueries({ queryKey: queryKeys.analysesList });
    }
  }, [status, analysis, queryClient]);

  const tabTitle = analysis ? titleFor(analysis) : null;
  useEffect(() => {
    if (tabTitle) document.title = `${tabTitle} — Clauseflow`;
  }, [tabTitle]);

  const doCancel = async () => {
    if (!analysis) return;
    setCancelPending(true);
    setCancelError(null);
    try {
      const result = await cancelAnalysisAction({ analysisId: analysis.id });
      if (result.ok) {
        refresh(result.analysis);
        setCancelOpen(false);
      } else {
        setCancelError(result.error.message);
        setCancelOpen(false);
        void query.refetch();
      }
    } catch {
      setCancelError("We couldn't reach the server to cancel. Please try again.");
    } finally {
      setCancelPending(false);
    }
  };

  if (query.isPending) {
    return (
      <Stack spacing={3} aria-busy="true" aria-label="Loading analysis">
        <Skeleton variant="text" width={160} />
        <Skeleton variant="text" width="60%" height={48} />
        <Skeleton variant="rounded" height={140} />
      </Stack>
    );
  }

  if (!analysis) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
        <Alert
          severity={notFound ? "warning" : "error"}
          action={
            notFound ? undefined : (
              <Button color="inherit" size="small" onClick={() => void query.refetch()}>
                Try again
              </Button>
            )
          }
        >
          {notFound
            ? "We couldn't find this analysis. It may have been removed, or it belongs to another account."
            : `We couldn't load this analysis. ${errorMessage(query.error)}`}
        </Alert>
        <Button href="/analyses" startIcon={<ArrowBackIcon />}>
          My analyses
        </Button>
      </Stack>
    );
  }

  const duration = durationBetween(analysis.startedAt, analysis.finishedAt);

  return (
    <Stack spacing={3} data-testid="analysis-detail" data-status={analysis.status}>
      <Box>
        <Button href="/analyses" startIcon={<ArrowBackIcon />} size="small" sx={{ ml: -1, mb: 1 }}>
          My analyses
        </Button>
        <Box
          sx={{
            display: "flex",
            flexWrap: "wrap",
            alignItems: "center",
            gap: 1.5,
          }}
        >
          <Typography
            variant="h4"
            component="h1"
            sx={{
              overflowWrap: "anywhere",
              minWidth: 0,
              fontSize: { xs: "1.4rem", sm: "1.75rem" },
            }}
            data-testid="analysis-title"
          >
            {analysis.documentName}
          </Typography>
          <StatusChip
            status={analysis.status}
            cancelling={analysis.cancelRequested}
            size="medium"
            data-testid="analysis-status"
          />
        </Box>
      </Box>

      {query.isRefetchError ? (
        <Alert severity="warning">
          Live updates are paused — we'll keep trying. {errorMessage(query.error)}
        </Alert>
      ) : null}

      {cancelError ? (
        <Alert severity="error" onClose={() => setCancelError(null)} role="alert">
          {cancelError}
        </Alert>
      ) : null}

      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        <Box aria-live="polite">
          <StatusPanel analysis={analysis} onCancel={() => setCancelOpen(true)} />
        </Box>
        <Box
          component="dl"
          sx={{
            display: "grid",
            gridTemplateColumns: { xs: "repeat(2, 1fr)", sm: "repeat(4, 1fr)" },
            gap: 2,
            m: 0,
            mt: 3,
            pt: 2.5,
            borderTop: 1,
            borderColor: "divider",
          }}
        >
          <Fact label="Price">{formatCredits(analysis.priceCredits)}</Fact>
          <Fact label="Created">
            <RelativeTime iso={analysis.createdAt} />
          </Fact>
          <Fact label={isActive(analysis.status) ? "Started" : "Finished"}>
            <RelativeTime
              iso={isActive(analysis.status) ? analysis.startedAt : analysis.finishedAt}
              fallback={isActive(analysis.status) ? "Not yet" : "—"}
            />
          </Fact>
          <Fact label="Duration">{formatDuration(duration)}</Fact>
        </Box>
      </Paper>

      {analysis.status === "succeeded" ? <FindingsView analysisId={analysis.id} /> : null}
      {analysis.status === "succeeded" ? <MemoSection analysis={analysis} /> : null}

      <CancelDialog
        open={cancelOpen}
        documentName={analysis.documentName}
        priceCredits={analysis.priceCredits}
        pending={cancelPending}
        onClose={() => setCancelOpen(false)}
        onConfirm={() => void doCancel()}
      />

      <Snackbar
        open={notice !== null}
        onClose={(_event, reason) => {
          if (reason !== "clickaway") setNotice(null);
        }}
        autoHideDuration={notice?.severity === "error" ? null : 10_000}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        {notice ? (
          <Alert
            severity={notice.severity}
            variant="filled"
            action={
              <>
                {notice.action}
                <IconButton
                  size="small"
                  color="inherit"
                  aria-label="Dismiss"
                  onClick={() => setNotice(null)}
                >
                  <CloseIcon fontSize="small" />
                </IconButton>
              </>
            }
            data-testid="analysis-notice"
            sx={{ alignItems: "center", maxWidth: 560 }}
          >
            {notice.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </Stack>
  );
}
