"use client";

import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Tooltip from "@mui/material/Tooltip";
import type { QueueHealth, WorkerView } from "@/components/api-types";
import { formatNumber } from "@/components/format";
import { TableStateRows } from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";

/** Numbers in table cells: one line, digits aligned. */
export const numeric = { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

function WorkerStateChip({ worker, now }: { worker: WorkerView; now: string }) {
  if (worker.state === "up") {
    return <Chip size="small" color="success" label="Up" sx={{ fontWeight: 600 }} />;
  }
  if (worker.state === "stopped") {
    return <Chip size="small" variant="outlined" label="Stopped" />;
  }
  // Measured against the server's clock (`generatedAt`), not the browser's, so skew can't lie.
  const silentS = Math.max(
    0,
    Math.round((new Date(now).getTime() - new Date(worker.lastBeatAt).getTime()) / 1000),
  );
  return (
    <Tooltip title={`no heartbeat for ${formatNumber(silentS)} s — killed or frozen`}>
      <Chip size="small" color="error" label="Down" tabIndex={0} sx={{ fontWeight: 600 }} />
    </Tooltip>
  );
}

/** Every worker process that sent a heartbeat: up, down (silent) or stopped. */
export function WorkersTable({ health }: { health: QueueHealth }) {
  const { workers } = health;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Workers" data-testid="workers-table" sx={{ minWidth: 760 }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 100 }}>State</TableCell>
            <TableCell>Worker</TableCell>
            <TableCell>Host</TableCell>
            <TableCell align="right" sx={{ width: 80 }}>
              PID
            </TableCell>
            <TableCell sx={{ width: 130 }}>Started</TableCell>
            <TableCell sx={{ width: 140 }}>Last heartbeat</TableCell>
            <TableCell align="right" sx={{ width: 100 }}>
              Jobs done
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableStateRows
            pending={false}
            empty={workers.length === 0}
            columns={7}
            skeletonRows={2}
            emptyPy={4}
            emptyMessage="No worker has sent a heartbeat yet."
          />
          {workers.map((w) => (
            <TableRow key={w.id} hover data-testid="worker-row" data-state={w.state}>
              <TableCell>
                <WorkerStateChip worker={w} now={health.generatedAt} />
              </TableCell>
              <TableCell sx={{ fontFamily: "monospace", overflowWrap: "anywhere" }}>
                {w.id}
              </TableCell>
              <TableCell sx={{ overflowWrap: "anywhere" }}>{w.host}</TableCell>
              <TableCell align="right" sx={numeric}>
                {w.pid}
              </TableCell>
              <TableCell sx={{ whiteSpace: "nowrap" }}>
                <RelativeTime iso={w.startedAt} />
              </TableCell>
              <TableCell sx={{ whiteSpace: "nowrap" }}>
                <RelativeTime iso={w.lastBeatAt} />
              </TableCell>
              <TableCell align="right" sx={numeric}>
                {formatNumber(w.jobsDone)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
