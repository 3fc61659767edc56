"use client";

import Paper from "@mui/material/Paper";
import type { SxProps, Theme } from "@mui/material/styles";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import { type ReactNode, useState } from "react";
import { PaginationFooter } from "@/components/pagination-footer";
import { QueryErrorAlert, TableLoadingBar, TableStateRows } from "@/components/query-state";

/** Which page of a list is shown (0-based, like the APIs' `page`) and how many rows a page has. */
export type Paging = {
  page: number;
  pageSize: number;
  setPage: (page: number) => void;
  setPageSize: (pageSize: number) => void;
};

export function usePaging(initialPageSize = 25): Paging {
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(initialPageSize);
  return { page, pageSize, setPage, setPageSize };
}

type PagedQuery = {
  isError: boolean;
  data: unknown;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
};

/**
 * The frame every admin list shares: the query's error notice, the table with a loading bar while
 * another page or filter loads, skeleton rows until the first answer, an empty message, and the
 * pagination footer. The caller gives the header row and the rows.
 */
export function PagedTable({
  query,
  messages,
  table,
  head,
  columns,
  rowCount,
  emptyMessage,
  busy = false,
  total,
  paging,
  children,
}: {
  query: PagedQuery;
  /** Shown before the error: when older rows are still on screen / when nothing loaded. */
  messages: { refresh: string; load: string; onRetry?: () => void };
  /** The table's accessible name, test id and layout. */
  table: { label: string; testId: string; sx?: SxProps<Theme> };
  /** The header row. */
  head: ReactNode;
  columns: number;
  /** Rows on this page; none shows `emptyMessage`. */
  rowCount: number;
  emptyMessage: ReactNode;
  /** Another reason to show the loading bar (e.g. a search being typed). */
  busy?: boolean;
  /** Rows in the whole list, over every page. */
  total: number;
  paging: Paging;
  children: ReactNode;
}) {
  return (
    <>
      <QueryErrorAlert
        query={query}
        refreshMessage={messages.refresh}
        loadMessage={messages.load}
        onRetry={messages.onRetry}
        sx={{ mb: 2 }}
      />
      <TableContainer component={Paper} variant="outlined" sx={{ position: "relative" }}>
        <TableLoadingBar show={(query.isFetching && query.isPlaceholderData) || busy} />
        <Table size="small" aria-label={table.label} data-testid={table.testId} sx={table.sx}>
          <TableHead>{head}</TableHead>
          <TableBody>
            <TableStateRows
              pending={query.isPending}
              empty={rowCount === 0}
              columns={columns}
              skeletonRows={4}
              emptyPy={5}
              emptyMessage={emptyMessage}
            />
            {children}
          </TableBody>
        </Table>
      </TableContainer>
      <PaginationFooter
        count={total}
        page={paging.page}
        rowsPerPage={paging.pageSize}
        onPageChange={paging.setPage}
        onRowsPerPageChange={paging.setPageSize}
      />
    </>
  );
}
