"use client";

import Box from "@mui/material/Box";
import LinearProgress from "@mui/material/LinearProgress";
import Skeleton from "@mui/material/Skeleton";
import type { SxProps, Theme } from "@mui/material/styles";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import type { ReactNode } from "react";
import { errorMessage } from "@/components/fetch-json";
import { Notice } from "@/components/notice";
import { visuallyHidden } from "@/components/visually-hidden";

/** A wrapping row of items pushed to both ends (toolbars, headers with an action). */
export const spaceBetweenRow = {
  display: "flex",
  flexWrap: "wrap",
  alignItems: "center",
  justifyContent: "space-between",
  gap: 2,
} as const;

/** One line of table text cut with an ellipsis (long e-mails and file names); give it a `title`. */
export const noWrapEllipsis = {
  display: "block",
  overflow: "hidden",
  textOverflow: "ellipsis",
  whiteSpace: "nowrap",
} as const;

/**
 * A query's error: a warning when stale data is still shown ("couldn't refresh"), an error when
 * nothing could be loaded. Renders nothing while the query is fine.
 */
export function QueryErrorAlert({
  query,
  refreshMessage,
  loadMessage,
  onRetry,
  sx,
}: {
  /** The query's state; `data` is only checked for presence. */
  query: { isError: boolean; data: unknown; error: unknown };
  /** Shown before the error message when older data is still on screen. */
  refreshMessage: string;
  /** Shown before the error message when there is no data at all. */
  loadMessage: string;
  /** Adds a "Try again" action. */
  onRetry?: () => void;
  sx?: SxProps<Theme>;
}) {
  if (!query.isError) return null;
  const hasData = Boolean(query.data);
  return (
    <Notice severity={hasData ? "warning" : "error"} sx={sx} onRetry={onRetry}>
      {hasData ? refreshMessage : loadMessage}
      {errorMessage(query.error)}
    </Notice>
  );
}

/** Table body placeholders: skeleton rows while pending, then a centred message when empty. */
export function TableStateRows({
  pending,
  empty,
  columns,
  skeletonRows,
  emptyPy,
  emptyMessage,
}: {
  pending: boolean;
  empty: boolean;
  columns: number;
  skeletonRows: number;
  emptyPy: number;
  emptyMessage: ReactNode;
}) {
  return (
    <>
      {pending
        ? Array.from({ length: skeletonRows }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <TableRow key={i}>
              <TableCell colSpan={columns}>
                <Skeleton variant="text" />
              </TableCell>
            </TableRow>
          ))
        : null}
      {!pending && empty ? (
        <TableRow>
          <TableCell
            colSpan={columns}
            sx={{ py: emptyPy, textAlign: "center", color: "text.secondary" }}
          >
            {emptyMessage}
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}

/** Right-aligned header cell for a row-actions column, labelled for screen readers only. */
export function ActionsHeaderCell({ sx }: { sx?: SxProps<Theme> }) {
  return (
    <TableCell align="right" sx={sx}>
      <Box component="span" sx={visuallyHidden}>
        Actions
      </Box>
    </TableCell>
  );
}

/** A thin progress bar along the top edge of a `position: relative` table container. */
export function TableLoadingBar({ show }: { show: boolean }) {
  return show ? (
    <LinearProgress
      aria-label="Loading"
      sx={{ position: "absolute", top: 0, left: 0, right: 0, height: 2, borderRadius: 0 }}
    />
  ) : null;
}
