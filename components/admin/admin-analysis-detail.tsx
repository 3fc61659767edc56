"use client";

import ArrowBackIcon from "@mui/icons-material/ArrowBack";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { AdminAnalysisActions } from "@/components/admin/admin-analysis-actions";
import { AnalysisChunksTable } from "@/components/admin/analysis-chunks-table";
import { AnalysisTimeline } from "@/components/admin/analysis-timeline";
import { DeletedChip } from "@/components/admin/deleted-chip";
import { clampPercent } from "@/components/analyses/progress";
import type { AdminAnalysisDetail } from "@/components/api-types";
import { CreditEntriesTable } from "@/components/credits/credit-entries-table";
import { describeMovement } from "@/components/credits/entry-movement";
import { Fact } from "@/components/fact";
import { fetchJson } from "@/components/fetch-json";
import { formatCredits, formatDateTime, formatDuration } from "@/components/format";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { POLL, queryKeys } from "@/components/query-keys";
import { QueryErrorAlert } from "@/components/query-state";
import { StatusChip } from "@/components/status-chip";
import { isActive } from "@/lib/analyses/analysis-status";

const when = (iso: string | null) => (iso ? formatDateTime(iso) : "—");

/**
 * One analysis for admins: facts, actions (retry a failed one, cancel an active one — both
 * confirmed and audit-logged), the error with its internal detail, the lifecycle timeline, page
 * chunks and every ledger entry it moved. Polls while the analysis is active.
 */
export function AdminAnalysisDetailView({ analysisId }: { analysisId: string }) {
  const query = useQuery({
    queryKey: queryKeys.adminAnalysis(analysisId),
    queryFn: ({ signal }) =>
      fetchJson<AdminAnalysisDetail>(`/api/admin/analyses/${analysisId}`, { signal }),
    refetchInterval: (q) =>
      q.state.data && isActive(q.state.data.analysis.status) ? POLL.detailMs : false,
  });
  const detail = query.data;
  const a = detail?.analysis;

  return (
    <>
      <Button
        component={NextLink}
        href="/admin"
        startIcon={<ArrowBackIcon />}
        size="small"
        sx={{ mb: 1 }}
      >
        All analyses
      </Button>
      <PageHeader
        title={a?.documentName ?? "Analysis"}
        description={a ? `Analysis ${a.id}` : "Loading…"}
      />
      <QueryErrorAlert
        query={query}
        refreshMessage="Live updates are paused — we'll keep trying. "
        loadMessage="Couldn't load this analysis. "
        sx={{ mb: 2 }}
      />
      {a && detail ? (
        <Stack spacing={3} data-testid="admin-analysis-detail" data-status={a.status}>
          <Paper variant="outlined" sx={{ p: 2.5 }}>
            <Stack
              direction={{ xs: "column", sm: "row" }}
              spacing={2}
              sx={{ alignItems: { sm: "center" }, justifyContent: "space-between", mb: 2 }}
            >
              <Stack direction="row" spacing={1.5} sx={{ alignItems: "center" }}>
                <StatusChip status={a.status} cancelling={a.cancelRequested} />
                <DeletedChip deletedAt={a.deletedAt} />
                {isActive(a.status) ? (
                  <Typography variant="body2" sx={{ color: "text.secondary" }}>
                    {a.progress.stepName ?? "Waiting"} · {clampPercent(a.progress.percent)}%
                  </Typography>
                ) : null}
              </Stack>
              <AdminAnalysisActions analysis={a} />
            </Stack>
            <Box
              component="dl"
              sx={{
                m: 0,
                display: "grid",
                gap: 2,
                gridTemplateColumns: { xs: "1fr 1fr", md: "repeat(4, 1fr)" },
              }}
            >
              <Fact label="User">
                <Link component={NextLink} href={`/admin/users/${a.userId}`} underline="hover">
                  {a.userEmail}
                </Link>
              </Fact>
              <Fact label="Price">
                {a.priceCredits === 0 ? "Free (admin retry)" : formatCredits(a.priceCredits)}
              </Fact>
              <Fact label="Attempt">{a.attempt}</Fact>
              <Fact label="Worker">{a.workerId ?? "—"}</Fact>
              <Fact label="Created">{when(a.createdAt)}</Fact>
              <Fact label="Confirmed">{when(a.confirmedAt)}</Fact>
              <Fact label="Started">{when(a.startedAt)}</Fact>
              <Fact label="Finished">{when(a.finishedAt)}</Fact>
              <Fact label="Duration">{formatDuration(a.durationMs)}</Fact>
              <Fact label="Last heartbeat">{when(a.heartbeatAt)}</Fact>
              {a.progress.pagesTotal > 0 ? (
                <Fact label="Pages">
                  {a.progress.pagesDone} of {a.progress.pagesTotal} ({a.progress.chunksDone} of{" "}
                  {a.progress.chunksTotal} chunks)
                </Fact>
              ) : null}
            </Box>
          </Paper>

          {a.error ? (
            <Notice
              severity={a.status === "cancelled" ? "info" : "error"}
              data-testid="admin-analysis-error"
            >
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {a.error.code ?? "error"}: {a.error.message}
              </Typography>
              {a.errorDetail ? (
                <Box
                  component="pre"
                  // Long traces scroll: focusable so a keyboard can scroll them.
                  tabIndex={0}
                  sx={{
                    mt: 1,
                    mb: 0,
                    p: 1.5,
                    maxHeight: 260,
                    overflow: "auto",
                    fontSize: 12,
                    bgcolor: "background.paper",
                    borderRadius: 1,
                    whiteSpace: "pre-wrap",
                  }}
                  data-testid="admin-error-detail"
                >
                  {a.errorDetail}
                </Box>
              ) : null}
            </Notice>
          ) : null}

          <Box>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              Timeline
            </Typography>
            <AnalysisTimeline events={detail.events} />
          </Box>

          {detail.chunks.length > 0 ? (
            <Box>
              <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
                Page chunks
              </Typography>
              <AnalysisChunksTable chunks={detail.chunks} />
            </Box>
          ) : null}

          <Box>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              Ledger entries
            </Typography>
            <CreditEntriesTable
              entries={detail.ledger}
              pending={false}
              columns={4}
              size="small"
              ariaLabel="Ledger entries of this analysis"
              head={
                <>
                  <TableCell sx={{ width: 230 }}>When</TableCell>
                  <TableCell sx={{ width: 130 }}>Kind</TableCell>
                  <TableCell sx={{ width: 160 }}>Amount</TableCell>
                  <TableCell>Effect</TableCell>
                </>
              }
              renderRow={(entry) => {
                const movement = describeMovement(entry);
                return (
                  <TableRow key={entry.id} data-testid="credit-entry" data-kind={entry.kind}>
                    <TableCell>{formatDateTime(entry.createdAt)}</TableCell>
                    <TableCell>{entry.kind}</TableCell>
                    <TableCell sx={{ color: movement.color, fontWeight: 600 }}>
                      {movement.amount}
                    </TableCell>
                    <TableCell>{movement.effect}</TableCell>
                  </TableRow>
                );
              }}
            />
          </Box>
        </Stack>
      ) : null}
    </>
  );
}
