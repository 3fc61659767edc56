"use client";

import ArrowBackIcon from "@mui/icons-material/ArrowBack";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useRef } from "react";
import { AnalysisOutcome } from "@/components/analyses/analysis-outcome";
import { AnalysisStatusPanel } from "@/components/analyses/analysis-status-panel";
import { CancelDialog } from "@/components/analyses/cancel-dialog";
import { DeleteAnalysisButton } from "@/components/analyses/delete-analysis-control";
import { MemoDownloadMenu } from "@/components/analyses/memo-download-menu";
import { useAnalysisDetail } from "@/components/analyses/use-analysis-detail";
import type { AnalysisView } from "@/components/api-types";
import { Fact, FactGrid } from "@/components/fact";
import { ApiError, errorMessage } from "@/components/fetch-json";
import { durationBetween, formatCredits, formatDuration } from "@/components/format";
import { Notice, NoticeToast } from "@/components/notice";
import { NotificationPrompt } from "@/components/notifications/notification-prompt";
import { RelativeTime } from "@/components/relative-time";
import { StatusChip } from "@/components/status-chip";
import { isActive } from "@/lib/analyses/analysis-status";

const viewMemo = (
  <Button component="a" href="#memo" color="inherit" size="small" sx={{ whiteSpace: "nowrap" }}>
    View memo
  </Button>
);

/** Price and times; beside the outcome on a wide screen once it ended, under it otherwise. */
function AnalysisFacts({ analysis }: { analysis: AnalysisView }) {
  const active = isActive(analysis.status);
  const beside = active ? {} : { md: 0 };
  return (
    <FactGrid
      sx={{
        mt: { xs: 2, ...beside },
        pt: { xs: 2, ...beside },
        borderTop: { xs: 1, ...beside },
        borderColor: "divider",
        columnGap: 3,
      }}
    >
      <Fact label="Price">{formatCredits(analysis.priceCredits)}</Fact>
      <Fact label="Created">
        <RelativeTime iso={analysis.createdAt} />
      </Fact>
      <Fact label={active ? "Started" : "Finished"}>
        <RelativeTime
          iso={active ? analysis.startedAt : analysis.finishedAt}
          fallback={active ? "Not yet" : "—"}
        />
      </Fact>
      <Fact label="Duration">
        {formatDuration(durationBetween(analysis.startedAt, analysis.finishedAt))}
      </Fact>
    </FactGrid>
  );
}

function AnalysisHeading({ analysis }: { analysis: AnalysisView }) {
  return (
    <Box>
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1, ml: -1, mb: 1 }}>
        <Button href="/analyses" startIcon={<ArrowBackIcon />} size="small">
          My analyses
        </Button>
        {analysis.batchId ? (
          <Button
            href={`/batches/${analysis.batchId}`}
            size="small"
            data-testid="analysis-batch-link"
          >
            Its batch
          </Button>
        ) : null}
        <Box sx={{ flexGrow: 1 }} />
        <DeleteAnalysisButton analysis={analysis} />
      </Box>
      <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1.5 }}>
        <Typography
          variant="h4"
          component="h1"
          sx={{ overflowWrap: "anywhere", minWidth: 0, fontSize: { xs: "1.4rem", sm: "1.75rem" } }}
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
        {analysis.status === "succeeded" ? (
          <Box sx={{ ml: { sm: "auto" } }}>
            <MemoDownloadMenu analysisId={analysis.id} />
          </Box>
        ) : null}
      </Box>
    </Box>
  );
}

/** One analysis for its owner: live progress, the outcome, findings and the memo. */
export function AnalysisDetail({ id }: { id: string }) {
  const { query, analysis, notice, dismissNotice, cancel } = useAnalysisDetail(id);
  // After the cancel dialog, focus goes to the status (its button is disabled or gone by then).
  const statusRef = useRef<HTMLDivElement>(null);

  if (query.isPending) {
    return (
      <Stack
        spacing={3}
        role="status"
        aria-busy="true"
        aria-label="Loading analysis"
        data-testid="analysis-skeleton"
      >
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
        <Notice
          severity={notFound ? "warning" : "error"}
          onRetry={notFound ? undefined : () => void query.refetch()}
        >
          {notFound
            ? "We couldn't find this analysis. It may have been removed, or it belongs to another account."
            : `We couldn't load this analysis. ${errorMessage(query.error)}`}
        </Notice>
        <Button href="/analyses" startIcon={<ArrowBackIcon />}>
          My analyses
        </Button>
      </Stack>
    );
  }

  return (
    <Stack spacing={2.5} data-testid="analysis-detail" data-status={analysis.status}>
      <AnalysisHeading analysis={analysis} />

      {query.isRefetchError ? (
        <Notice severity="warning">
          Live updates are paused — we'll keep trying. {errorMessage(query.error)}
        </Notice>
      ) : null}

      {analysis.documentStored ? null : (
        <Notice severity="info" data-testid="document-not-stored">
          The original file is no longer stored (uploaded files are deleted after a set time).
          {analysis.hasMemo ? " The memo and findings stay until you delete them." : ""} To analyze
          it again, upload it again.
        </Notice>
      )}
      <NotificationPrompt show={isActive(analysis.status)} />

      {cancel.error ? (
        <Notice severity="error" onDismiss={cancel.dismissError}>
          {cancel.error}
        </Notice>
      ) : null}

      <Paper
        variant="outlined"
        sx={{
          p: { xs: 2, sm: 2.5 },
          display: "grid",
          gridTemplateColumns: {
            xs: "minmax(0, 1fr)",
            md: isActive(analysis.status) ? "minmax(0, 1fr)" : "minmax(0, 1fr) auto",
          },
          columnGap: 3,
          alignItems: "center",
        }}
      >
        <Box aria-live="polite" ref={statusRef} tabIndex={-1} sx={{ outline: "none", minWidth: 0 }}>
          <AnalysisStatusPanel analysis={analysis} onCancel={cancel.openDialog} />
        </Box>
        <AnalysisFacts analysis={analysis} />
      </Paper>

      {analysis.status === "succeeded" ? <AnalysisOutcome analysisId={analysis.id} /> : null}

      <CancelDialog
        open={cancel.open}
        documentName={analysis.documentName}
        priceCredits={analysis.priceCredits}
        pending={cancel.pending}
        answer={cancel.answer}
        onClose={cancel.closeDialog}
        onConfirm={cancel.confirm}
        onExited={() => statusRef.current?.focus()}
      />

      <NoticeToast
        notice={
          notice
            ? {
                severity: notice.severity,
                message: notice.message,
                action: notice.viewMemo ? viewMemo : undefined,
              }
            : null
        }
        onClose={dismissNotice}
        autoHideMs={10_000}
        data-testid="analysis-notice"
      />
    </Stack>
  );
}
