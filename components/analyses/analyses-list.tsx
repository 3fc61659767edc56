"use client";

import AddIcon from "@mui/icons-material/Add";
import ArticleIcon from "@mui/icons-material/Article";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import type { Theme } from "@mui/material/styles";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import useMediaQuery from "@mui/material/useMediaQuery";
import { useInfiniteQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { ActionCell, CompactList, StatusCell } from "@/components/analyses/analysis-list-cells";
import { AnalysisRowMenu } from "@/components/analyses/delete-analysis-control";
import { anyActive } from "@/components/analyses/progress";
import type { AnalysesListResponse } from "@/components/api-types";
import { errorMessage, fetchJson } from "@/components/fetch-json";
import { formatCredits } from "@/components/format";
import { Notice } from "@/components/notice";
import { isDocumentHidden, POLL, queryKeys } from "@/components/query-keys";
import { ActionsHeaderCell } from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";
import { useDocumentHidden } from "@/components/use-document-visibility";

const PAGE_SIZE = 50;

/** The API pages back with `?before=<createdAt of the oldest row shown>`. */
function listUrl(before: string | null): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (before) params.set("before", before);
  return `/api/analyses?${params.toString()}`;
}

function EmptyState() {
  return (
    <Paper
      variant="outlined"
      sx={{ py: { xs: 6, md: 8 }, px: 3, textAlign: "center" }}
      data-testid="analyses-empty"
    >
      <ArticleIcon aria-hidden sx={{ fontSize: 48, color: "text.secondary", mb: 1.5 }} />
      <Typography variant="h5" component="h2">
        No analyses yet
      </Typography>
      <Typography sx={{ color: "text.secondary", mt: 1, mb: 3, maxWidth: 460, mx: "auto" }}>
        Upload a contract to get a fixed quote in credits. You only pay when the memo is delivered.
      </Typography>
      <Button href="/upload" variant="contained" size="large" startIcon={<AddIcon />}>
        New analysis
      </Button>
    </Paper>
  );
}

function LoadingRows() {
  return (
    <Paper variant="outlined" aria-busy="true" aria-label="Loading your analyses">
      {[0, 1, 2].map((i) => (
        <Box
          key={i}
          sx={{ display: "flex", gap: 2, p: 2, borderTop: i ? 1 : 0, borderColor: "divider" }}
        >
          <Skeleton variant="text" sx={{ flex: 2 }} />
          <Skeleton variant="rounded" width={110} height={24} />
          <Skeleton variant="text" sx={{ flex: 1 }} />
        </Box>
      ))}
    </Paper>
  );
}

export function AnalysesList() {
  const compact = useMediaQuery((theme: Theme) => theme.breakpoints.down("md"), { noSsr: true });
  // Re-render on tab visibility change so the polling interval switches right away.
  useDocumentHidden();

  const query = useInfiniteQuery({
    queryKey: queryKeys.analysesList,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<AnalysesListResponse>(listUrl(pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.nextCursor ??
      (last.analyses.length >= PAGE_SIZE ? (last.analyses.at(-1)?.createdAt ?? null) : null),
    refetchInterval: (q) =>
      anyActive(q.state.data?.pages.flatMap((p) => p.analyses))
        ? isDocumentHidden()
          ? POLL.hiddenMs
          : POLL.listMs
        : false,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
  });

  if (query.isPending) return <LoadingRows />;

  if (query.isLoadingError) {
    return (
      <Notice severity="error" onRetry={() => void query.refetch()}>
        We couldn't load your analyses. {errorMessage(query.error)}
      </Notice>
    );
  }

  const analyses = query.data.pages.flatMap((p) => p.analyses);
  if (analyses.length === 0) return <EmptyState />;

  const refetchWarning = query.isRefetchError ? (
    <Notice severity="warning" sx={{ mb: 2 }}>
      Live updates are paused — we'll keep trying. {errorMessage(query.error)}
    </Notice>
  ) : null;
  const loadMore = query.hasNextPage ? (
    <Box sx={{ display: "flex", justifyContent: "center", mt: 2 }}>
      <Button
        variant="outlined"
        onClick={() => void query.fetchNextPage()}
        loading={query.isFetchingNextPage}
      >
        Load more
      </Button>
    </Box>
  ) : null;

  if (compact) {
    return (
      <>
        {refetchWarning}
        <CompactList analyses={analyses} />
        {loadMore}
      </>
    );
  }

  return (
    <>
      {refetchWarning}
      <TableContainer component={Paper} variant="outlined">
        <Table aria-label="My analyses" data-testid="analyses-table">
          <TableHead>
            <TableRow>
              <TableCell>Document</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Price</TableCell>
              <TableCell>Created</TableCell>
              <TableCell>Finished</TableCell>
              <ActionsHeaderCell sx={{ position: "relative" }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {analyses.map((a) => (
              <TableRow
                key={a.id}
                hover
                data-testid="analysis-row"
                data-analysis-id={a.id}
                data-status={a.status}
                sx={{ verticalAlign: "top" }}
              >
                <TableCell sx={{ maxWidth: 320 }}>
                  <Link
                    component={NextLink}
                    href={`/analyses/${a.id}`}
                    sx={{
                      fontWeight: 600,
                      display: "block",
                      overflow: "hidden",
                      textOverflow: "ellipsis",
                      whiteSpace: "nowrap",
                    }}
                    title={a.documentName}
                    data-testid="analysis-link"
                  >
                    {a.documentName}
                  </Link>
                </TableCell>
                <TableCell>
                  <StatusCell analysis={a} />
                </TableCell>
                <TableCell
                  align="right"
                  sx={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}
                >
                  {formatCredits(a.priceCredits)}
                </TableCell>
                <TableCell sx={{ whiteSpace: "nowrap" }}>
                  <RelativeTime iso={a.createdAt} />
                </TableCell>
                <TableCell sx={{ whiteSpace: "nowrap" }}>
                  <RelativeTime iso={a.finishedAt} />
                </TableCell>
                <TableCell align="right">
                  <Box sx={{ display: "flex", justifyContent: "flex-end", alignItems: "center" }}>
                    <ActionCell analysis={a} />
                    <AnalysisRowMenu analysis={a} />
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {loadMore}
    </>
  );
}
