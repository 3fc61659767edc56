"use client";

import ArrowBackIcon from "@mui/icons-material/ArrowBack";
import DownloadIcon from "@mui/icons-material/Download";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import LinearProgress from "@mui/material/LinearProgress";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import type { BatchView } from "@/components/api-types";
import { BatchConfirm } from "@/components/batches/batch-confirm";
import { BatchFilesTable } from "@/components/batches/batch-files-table";
import { BatchProblems } from "@/components/batches/batch-problems";
import { useBatchFinishNotices } from "@/components/batches/use-batch-finish-notices";
import { isBatchActive, useBatchQuery } from "@/components/batches/use-batch-query";
import { Fact, FactGrid } from "@/components/fact";
import { ApiError } from "@/components/fetch-json";
import { formatCredits, pluralize } from "@/components/format";
import { Notice, NoticeToast } from "@/components/notice";
import { NotificationPrompt } from "@/components/notifications/notification-prompt";
import { QueryErrorAlert, spaceBetweenRow } from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";

function BatchProgress({ batch }: { batch: BatchView }) {
  const { counts } = batch;
  const percent = counts.total === 0 ? 0 : Math.round((counts.done / counts.total) * 100);
  const active = isBatchActive(batch);
  return (
    <Box role="status" aria-live="polite">
      <Typography variant="h6" component="p" data-testid="batch-progress-text">
        {counts.done} of {counts.total} done
        {counts.total > 0 && counts.done === counts.total ? " — finished" : ""}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={`${counts.done} of ${counts.total} analyses done`}
        sx={{ height: 8, borderRadius: 4, my: 1.5 }}
      />
      <Typography variant="body2" sx={{ color: "text.secondary" }}>
        {[
          `${counts.succeeded} succeeded`,
          counts.failed ? `${counts.failed} failed` : null,
          counts.cancelled ? `${counts.cancelled} cancelled` : null,
          counts.running ? `${counts.running} running` : null,
          counts.queued ? `${counts.queued} queued` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
        {active ? " — this page updates by itself; you can close it, the work goes on." : ""}
      </Typography>
    </Box>
  );
}

function BatchBody({ batch }: { batch: BatchView }) {
  const failed = batch.files.filter((f) => f.status === "failed");
  return (
    <Stack spacing={3}>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        {batch.confirmedAt ? (
          <BatchProgress batch={batch} />
        ) : (
          <BatchConfirm batch={batch} onConfirmed={() => undefined} />
        )}
        <FactGrid sx={{ mt: 3, pt: 2.5, borderTop: 1, borderColor: "divider" }}>
          <Fact label="Contracts">{batch.counts.total}</Fact>
          <Fact label="Total price">{formatCredits(batch.totalCredits)}</Fact>
          <Fact label="Uploaded">
            <RelativeTime iso={batch.createdAt} />
          </Fact>
          <Fact label="Started">
            <RelativeTime iso={batch.confirmedAt} fallback="Not yet" />
          </Fact>
        </FactGrid>
      </Paper>
      {failed.length > 0 ? (
        <Notice
          severity="error"
          title={`${pluralize(failed.length, "analysis", "analyses")} failed`}
        >
          Their credits were released: nothing was charged for them. The reason is under each
          contract below.
        </Notice>
      ) : null}
      <Paper variant="outlined" sx={{ p: { xs: 1, sm: 2 } }}>
        <BatchFilesTable batch={batch} />
        <BatchProblems problems={batch.problems} />
      </Paper>
    </Stack>
  );
}

/** A batch for its owner: how far it is, each contract's status, and all memos as one ZIP. */
export function BatchDetail({ id }: { id: string }) {
  const query = useBatchQuery(id);
  const batch = query.data?.batch;
  const { notice, dismissNotice } = useBatchFinishNotices(batch);
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <Notice severity="error" title="Batch not found">
        This batch doesn't exist or isn't yours. Find your work under My analyses.
      </Notice>
    );
  }
  return (
    <Stack spacing={3}>
      <Box>
        <Button href="/analyses" startIcon={<ArrowBackIcon />} size="small" sx={{ ml: -1, mb: 1 }}>
          My analyses
        </Button>
        <Box sx={spaceBetweenRow}>
          <Typography
            variant="h4"
            component="h1"
            sx={{ overflowWrap: "anywhere", fontSize: { xs: "1.4rem", sm: "1.75rem" } }}
          >
            {batch ? `Batch: ${batch.name}` : <Skeleton width={240} />}
          </Typography>
          {batch && batch.counts.succeeded > 0 ? (
            <Button
              variant="contained"
              href={`/api/batches/${encodeURIComponent(batch.id)}/memos.zip`}
              download
              startIcon={<DownloadIcon />}
              data-testid="download-memos-zip"
            >
              Download all memos (ZIP)
            </Button>
          ) : null}
        </Box>
      </Box>
      <QueryErrorAlert
        query={query}
        refreshMessage="We couldn't refresh this batch. "
        loadMessage="We couldn't load this batch. "
        onRetry={() => void query.refetch()}
      />
      {batch ? <NotificationPrompt show={isBatchActive(batch)} /> : null}
      {batch ? <BatchBody batch={batch} /> : <Skeleton variant="rounded" height={240} />}
      <NoticeToast
        notice={
          notice
            ? {
                severity: notice.severity,
                message: notice.message,
                action: notice.viewMemo ? (
                  <Button href={`/analyses/${notice.analysisId}#memo`} color="inherit" size="small">
                    View memo
                  </Button>
                ) : undefined,
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
