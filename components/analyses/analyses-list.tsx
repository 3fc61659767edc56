"use client";

import AddIcon from "@mui/icons-material/Add";
import ArticleIcon from "@mui/icons-material/Article";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Pagination from "@mui/material/Pagination";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import type { Theme } from "@mui/material/styles";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TableSortLabel from "@mui/material/TableSortLabel";
import Typography from "@mui/material/Typography";
import useMediaQuery from "@mui/material/useMediaQuery";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { AnalysisFilterBar } from "@/components/analyses/analysis-filter-bar";
import {
  AbsoluteTime,
  ActionCell,
  CompactList,
  DraftsSection,
  StatusCell,
} from "@/components/analyses/analysis-list-cells";
import { AnalysisRowMenu } from "@/components/analyses/delete-analysis-control";
import { anyActive } from "@/components/analyses/progress";
import { type UrlFilters, useUrlFilters } from "@/components/analyses/use-url-filters";
import type { AnalysesListResponse } from "@/components/api-types";
import { errorMessage, fetchJson } from "@/components/fetch-json";
import { formatCredits, pluralize } from "@/components/format";
import { Notice } from "@/components/notice";
import { isDocumentHidden, POLL, queryKeys } from "@/components/query-keys";
import { ActionsHeaderCell } from "@/components/query-state";
import { useDocumentHidden } from "@/components/use-document-visibility";
import { type AnalysisSort, defaultDirection } from "@/lib/analyses/analysis-sorts";

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
    <Paper variant="outlined" role="status" aria-busy="true" aria-label="Loading your analyses">
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

const FILTER_ONLY_KEYS = ["q", "status", "type", "law", "from", "to"] as const;

/** Polls while something on screen is moving, slower while the tab is hidden. */
function pollWhileActive(data: AnalysesListResponse | undefined): number | false {
  return anyActive(data?.analyses) ? (isDocumentHidden() ? POLL.hiddenMs : POLL.listMs) : false;
}

function useAnalysesPage(params: URLSearchParams) {
  const search = params.toString();
  return useQuery({
    queryKey: [...queryKeys.analysesList, search],
    queryFn: ({ signal }) => fetchJson<AnalysesListResponse>(`/api/analyses?${search}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => pollWhileActive(q.state.data),
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
  });
}

/** A column header that sorts by `sort`; a second click flips the direction. */
function SortHeader({
  sort,
  label,
  filters,
  onSort,
  align,
}: {
  sort: AnalysisSort;
  label: string;
  filters: UrlFilters;
  onSort: (sort: AnalysisSort, dir: "asc" | "desc") => void;
  align?: "right";
}) {
  const current = (filters.sort ?? "created") as AnalysisSort;
  const active = current === sort;
  const dir = (filters.dir as "asc" | "desc" | undefined) ?? defaultDirection(current);
  return (
    <TableCell align={align} sortDirection={active ? dir : false}>
      <TableSortLabel
        active={active}
        direction={active ? dir : defaultDirection(sort)}
        onClick={() =>
          onSort(sort, active ? (dir === "asc" ? "desc" : "asc") : defaultDirection(sort))
        }
        data-testid={`sort-${sort}`}
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );
}

/**
 * "My analyses": unconfirmed quotes apart (Drafts, with their expiry), then the results with
 * search, filters, sortable columns and pages, all kept in the URL.
 */
export function AnalysesList() {
  const compact = useMediaQuery((theme: Theme) => theme.breakpoints.down("md"), { noSsr: true });
  // Re-render on tab visibility change so the polling interval switches right away.
  useDocumentHidden();
  const { filters, setFilters } = useUrlFilters();

  const resultsParams = new URLSearchParams({ ...filters, view: "results" });
  const draftsParams = new URLSearchParams({ view: "drafts", status: "quoted" });
  if (filters.q) draftsParams.set("q", filters.q);
  const results = useAnalysesPage(resultsParams);
  const drafts = useAnalysesPage(draftsParams);

  const filtered = FILTER_ONLY_KEYS.some((key) => filters[key]);
  const onSort = (sort: AnalysisSort, dir: "asc" | "desc") => setFilters({ sort, dir });

  const draftsSection = drafts.data?.analyses.length ? (
    <DraftsSection analyses={drafts.data.analyses} total={drafts.data.total} />
  ) : null;

  let body: React.ReactNode;
  if (results.isPending) body = <LoadingRows />;
  else if (results.isLoadingError) {
    body = (
      <Notice severity="error" onRetry={() => void results.refetch()}>
        We couldn't load your analyses. {errorMessage(results.error)}
      </Notice>
    );
  } else if (results.data.total === 0 && !filtered) {
    body = draftsSection ? null : <EmptyState />;
  } else if (results.data.total === 0) {
    body = (
      <Paper variant="outlined" sx={{ p: 4, textAlign: "center" }} data-testid="analyses-no-match">
        <Typography>No analyses match these filters.</Typography>
      </Paper>
    );
  } else {
    const { analyses, page, pageCount, total } = results.data;
    body = (
      <>
        {results.isRefetchError ? (
          <Notice severity="warning" sx={{ mb: 2 }}>
            Live updates are paused — we'll keep trying. {errorMessage(results.error)}
          </Notice>
        ) : null}
        <Typography
          variant="body2"
          sx={{ color: "text.secondary", mb: 1 }}
          aria-live="polite"
          data-testid="analyses-count"
        >
          {pluralize(total, "analysis", "analyses")}
        </Typography>
        {compact ? (
          <CompactList analyses={analyses} />
        ) : (
          <TableContainer component={Paper} variant="outlined">
            <Table aria-label="My analyses" data-testid="analyses-table">
              <TableHead>
                <TableRow>
                  <SortHeader sort="name" label="Document" filters={filters} onSort={onSort} />
                  <SortHeader sort="status" label="Status" filters={filters} onSort={onSort} />
                  <SortHeader
                    sort="price"
                    label="Price"
                    filters={filters}
                    onSort={onSort}
                    align="right"
                  />
                  <SortHeader sort="created" label="Created" filters={filters} onSort={onSort} />
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
                    <TableCell sx={{ minWidth: 220 }}>
                      {/* Full name, wrapped: two files named alike must not look the same. */}
                      <Link
                        component={NextLink}
                        href={`/analyses/${a.id}`}
                        sx={{ fontWeight: 600, display: "block", overflowWrap: "anywhere" }}
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
                      <AbsoluteTime iso={a.createdAt} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>
                      <AbsoluteTime iso={a.finishedAt} />
                    </TableCell>
                    <TableCell align="right">
                      <Box
                        sx={{ display: "flex", justifyContent: "flex-end", alignItems: "center" }}
                      >
                        <ActionCell analysis={a} />
                        <AnalysisRowMenu analysis={a} />
                      </Box>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {pageCount > 1 ? (
          <Box sx={{ display: "flex", justifyContent: "center", mt: 2 }}>
            <Pagination
              count={pageCount}
              page={Math.min(page, pageCount)}
              onChange={(_event, next) => setFilters({ page: next > 1 ? String(next) : null })}
              siblingCount={compact ? 0 : 1}
              getItemAriaLabel={(type, item) =>
                type === "page" ? `Page ${item}` : `Go to ${type} page`
              }
              data-testid="analyses-pagination"
            />
          </Box>
        ) : null}
      </>
    );
  }

  return (
    <>
      {draftsSection}
      <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
        Analyses
      </Typography>
      <AnalysisFilterBar
        filters={filters}
        setFilters={setFilters}
        facets={results.data?.facets}
        showStatus
      />
      {body}
    </>
  );
}
