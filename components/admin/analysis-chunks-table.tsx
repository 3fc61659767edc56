"use client";

import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import type { AdminAnalysisDetail } from "@/components/api-types";
import { durationBetween, formatDuration } from "@/components/format";

const COLORS = { pending: "default", running: "info", done: "success" } as const;

/** The page chunks of a chunked analysis: range, state, claims (retries) and worker. */
export function AnalysisChunksTable({ chunks }: { chunks: AdminAnalysisDetail["chunks"] }) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Page chunks" data-testid="analysis-chunks">
        <TableHead>
          <TableRow>
            <TableCell>Chunk</TableCell>
            <TableCell>Pages</TableCell>
            <TableCell>State</TableCell>
            <TableCell>Claims</TableCell>
            <TableCell>Worker</TableCell>
            <TableCell align="right">Took</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {chunks.map((c) => (
            <TableRow key={c.chunkIndex} data-testid="chunk-row" data-status={c.status}>
              <TableCell>{c.chunkIndex + 1}</TableCell>
              <TableCell>
                {c.firstPage}–{c.lastPage}
              </TableCell>
              <TableCell>
                <Chip size="small" label={c.status} color={COLORS[c.status]} variant="outlined" />
              </TableCell>
              <TableCell>{c.attempt}</TableCell>
              <TableCell sx={{ fontFamily: "monospace", fontSize: 12 }}>
                {c.workerId ?? "—"}
              </TableCell>
              <TableCell align="right">
                {formatDuration(durationBetween(c.startedAt, c.finishedAt))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
