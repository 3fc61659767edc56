"use client";

import Box from "@mui/material/Box";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { clampPercent, isActive } from "@/components/analyses/progress";
import { type AdminAnalysesResponse, ANALYSIS_STATUSES } from "@/components/api-types";
import { fetchJson } from "@/components/fetch-json";
import { formatCredits, formatDuration, formatNumber } from "@/components/format";
import { PaginationFooter } from "@/components/pagination-footer";
import { POLL, queryKeys } from "@/components/query-keys";
import {
  QueryErrorAlert,
  spaceBetweenRow,
  TableLoadingBar,
  TableStateRows,
} from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";
import { STATUS_STYLES, StatusChip } from "@/components/status-chip";

const ALL = "all";

function adminUrl(status: string, page: number, pageSize: number): string {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (status !== ALL) params.set("status", status);
  return `/api/admin/analyses?${params.toString()}`;
}

const noWrapEllipsis = {
  display: "block",
  overflow: "hidden",
  textOverflow: "ellipsis",
  whiteSpace: "nowrap",
} as const;

/** Every user's analyses, newest first; server-side filter and pagination; polls every 5 s. */
export function AdminAnalysesTable() {
  const [status, setStatus] = useState<string>(ALL);
  const [page, setPage] = useState(0); // 0-based, like the API's `page`.
  const [pageSize, setPageSize] = useState(25);

  const query = useQuery({
    queryKey: queryKeys.adminAnalyses(status, page, pageSize),
    queryFn: ({ signal }) =>
      fetchJson<AdminAnalysesResponse>(adminUrl(status, page, pageSize), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: POLL.adminMs,
    refetchOnWindowFocus: true,
  });

  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;

  return (
    <Box>
      <Box sx={{ ...spaceBetweenRow, mb: 2 }}>
        <TextField
          select
          label="Status"
          size="small"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setPage(0);
          }}
          fullWidth={false}
          sx={{ minWidth: 220 }}
          slotProps={{ htmlInput: { "data-testid": "admin-status-filter" } }}
        >
          <MenuItem value={ALL}>All statuses</MenuItem>
          {ANALYSIS_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {STATUS_STYLES[s].label}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" sx={{ color: "text.secondary" }} aria-live="polite">
          {query.data ? `${formatNumber(total)} ${total === 1 ? "analysis" : "analyses"}` : " "}
        </Typography>
      </Box>

      <QueryErrorAlert
        query={query}
        refreshMessage="Live updates are paused — we'll keep trying. "
        loadMessage="Couldn't load analyses. "
        sx={{ mb: 2 }}
      />

      <TableContainer component={Paper} variant="outlined" sx={{ position: "relative" }}>
        <TableLoadingBar show={query.isFetching && query.isPlaceholderData} />
        <Table
          size="small"
          aria-label="All analyses"
          data-testid="admin-analyses-table"
          sx={{ minWidth: 900 }}
        >
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 130 }}>Created</TableCell>
              <TableCell sx={{ width: "18%" }}>User</TableCell>
              <TableCell sx={{ width: "22%" }}>Document</TableCell>
              <TableCell align="right" sx={{ width: 90 }}>
                Price
              </TableCell>
              <TableCell sx={{ width: 230 }}>Status</TableCell>
              <TableCell align="right" sx={{ width: 100 }}>
                Duration
              </TableCell>
              <TableCell>Error</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            <TableStateRows
              pending={query.isPending}
              empty={items.length === 0}
              columns={7}
              skeletonRows={4}
              emptyPy={5}
              emptyMessage={
                status === ALL
                  ? "No analyses yet."
                  : `No analyses with status “${STATUS_STYLES[status as keyof typeof STATUS_STYLES]?.label ?? status}”.`
              }
            />
            {items.map((a) => (
              <TableRow key={a.id} hover data-testid="admin-analysis-row" data-status={a.status}>
                <TableCell sx={{ whiteSpace: "nowrap" }}>
                  <RelativeTime iso={a.createdAt} />
                </TableCell>
                <TableCell>
                  <Typography variant="body2" sx={noWrapEllipsis} title={a.userEmail}>
                    {a.userEmail}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Typography
                    variant="body2"
                    sx={{ ...noWrapEllipsis, fontWeight: 500 }}
                    title={a.documentName}
                  >
                    {a.documentName}
                  </Typography>
                </TableCell>
                <TableCell
                  align="right"
                  sx={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}
                >
                  {formatCredits(a.priceCredits)}
                </TableCell>
                <TableCell sx={{ whiteSpace: "nowrap" }}>
                  <StatusChip status={a.status} cancelling={a.cancelRequested} />
                  {isActive(a.status) ? (
                    <Typography variant="caption" sx={{ color: "text.secondary", ml: 1 }}>
                      {clampPercent(a.progress.percent)}%
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell
                  align="right"
                  sx={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}
                >
                  {formatDuration(a.durationMs)}
                </TableCell>
                <TableCell>
                  {a.error ? (
                    <Tooltip
                      title={
                        <>
                          {a.error.code ? <strong>{a.error.code}: </strong> : null}
                          {a.error.message}
                        </>
                      }
                    >
                      <Typography
                        variant="body2"
                        tabIndex={0}
                        sx={{ ...noWrapEllipsis, color: "error.main", cursor: "help" }}
                        aria-label={`Error: ${a.error.message}`}
                      >
                        {a.error.message}
                      </Typography>
                    </Tooltip>
                  ) : (
                    <Typography variant="body2" sx={{ color: "text.disabled" }}>
                      —
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <PaginationFooter
        count={total}
        page={page}
        rowsPerPage={pageSize}
        onPageChange={setPage}
        onRowsPerPageChange={setPageSize}
      />
    </Box>
  );
}
