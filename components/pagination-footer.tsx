"use client";

import TablePagination from "@mui/material/TablePagination";

/** Table pagination footer; keeps `page` in range of `count` and resets to page 0 on a new size. */
export function PaginationFooter({
  count,
  page,
  rowsPerPage,
  onPageChange,
  onRowsPerPageChange,
}: {
  count: number;
  /** 0-based. */
  page: number;
  rowsPerPage: number;
  onPageChange: (page: number) => void;
  onRowsPerPageChange: (rowsPerPage: number) => void;
}) {
  const lastPage = Math.max(0, Math.ceil(count / rowsPerPage) - 1);
  return (
    <TablePagination
      component="div"
      count={count}
      page={Math.min(page, lastPage)}
      onPageChange={(_e, next) => onPageChange(next)}
      rowsPerPage={rowsPerPage}
      onRowsPerPageChange={(e) => {
        onRowsPerPageChange(Number.parseInt(e.target.value, 10));
        onPageChange(0);
      }}
      rowsPerPageOptions={[10, 25, 50, 100]}
    />
  );
}
