"use client";

import Paper from "@mui/material/Paper";
import type { SxProps, Theme } from "@mui/material/styles";
import Table, { type TableProps } from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import { type ReactNode, useState } from "react";
import type { CreditEntry } from "@/components/api-types";
import { PaginationFooter } from "@/components/pagination-footer";
import { TableStateRows } from "@/components/query-state";

/**
 * Credit history (newest first), paginated in the browser once there are more than 10 entries.
 * The caller supplies the header cells and one `<TableRow data-testid="credit-entry">` per entry,
 * since the user's own view and the admin view show different columns.
 */
export function CreditEntriesTable({
  entries,
  pending,
  columns,
  head,
  renderRow,
  ariaLabel,
  size,
  sx,
}: {
  entries: readonly CreditEntry[];
  pending: boolean;
  /** Number of columns `head` and `renderRow` render. */
  columns: number;
  /** Header cells. */
  head: ReactNode;
  renderRow: (entry: CreditEntry) => ReactNode;
  ariaLabel: string;
  size: TableProps["size"];
  sx?: SxProps<Theme>;
}) {
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(25);
  const visible = entries.slice(page * rowsPerPage, page * rowsPerPage + rowsPerPage);

  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size={size} aria-label={ariaLabel} data-testid="credit-entries" sx={sx}>
        <TableHead>
          <TableRow>{head}</TableRow>
        </TableHead>
        <TableBody>
          <TableStateRows
            pending={pending}
            empty={entries.length === 0}
            columns={columns}
            skeletonRows={3}
            emptyPy={4}
            emptyMessage="No credit activity yet."
          />
          {visible.map(renderRow)}
        </TableBody>
      </Table>
      {entries.length > 10 ? (
        <PaginationFooter
          count={entries.length}
          page={page}
          rowsPerPage={rowsPerPage}
          onPageChange={setPage}
          onRowsPerPageChange={setRowsPerPage}
        />
      ) : null}
    </TableContainer>
  );
}
