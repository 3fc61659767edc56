"use client";

import Link from "@mui/material/Link";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { DeletedChip } from "@/components/admin/deleted-chip";
import { clampPercent } from "@/components/analyses/progress";
import type { AdminAnalysis } from "@/components/api-types";
import { formatCredits, formatDuration } from "@/components/format";
import { noWrapEllipsis } from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";
import { StatusChip } from "@/components/status-chip";
import { isActive } from "@/lib/analyses/analysis-status";

/** One row of the admin analyses table; the document name opens the analysis. */
export function AdminAnalysisRow({ analysis: a }: { analysis: AdminAnalysis }) {
  return (
    <TableRow hover data-testid="admin-analysis-row" data-status={a.status}>
      <TableCell sx={{ whiteSpace: "nowrap" }}>
        <RelativeTime iso={a.createdAt} />
      </TableCell>
      <TableCell>
        <Typography variant="body2" sx={noWrapEllipsis} title={a.userEmail}>
          {a.userEmail}
        </Typography>
      </TableCell>
      <TableCell>
        <Link
          component={NextLink}
          href={`/admin/analyses/${a.id}`}
          variant="body2"
          underline="hover"
          sx={{ ...noWrapEllipsis, fontWeight: 500 }}
          title={`Open ${a.documentName}`}
          data-testid="admin-analysis-link"
        >
          {a.documentName}
        </Link>
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
        {formatCredits(a.priceCredits)}
      </TableCell>
      <TableCell sx={{ whiteSpace: "nowrap" }}>
        <StatusChip status={a.status} cancelling={a.cancelRequested} />
        <DeletedChip deletedAt={a.deletedAt} />
        {isActive(a.status) ? (
          <Typography variant="caption" sx={{ color: "text.secondary", ml: 1 }}>
            {clampPercent(a.progress.percent)}%
          </Typography>
        ) : null}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
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
  );
}
