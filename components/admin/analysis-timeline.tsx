"use client";

import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import type { AnalysisEventView } from "@/components/api-types";

const LABELS: Record<string, string> = {
  quoted: "Quoted",
  confirmed: "Confirmed (credits held)",
  enqueued: "Put on the queue",
  enqueue_failed: "Enqueue failed (the relay retries)",
  attempt_started: "Attempt started",
  attempt_resumed: "Resumed after its chunks",
  attempt_failed: "Attempt failed — will retry",
  attempt_interrupted: "Attempt interrupted (worker died, froze or lost Redis)",
  fanned_out: "Split into page chunks",
  llm_usage: "LLM token use",
  chunk_started: "Chunk started",
  chunk_done: "Chunk done",
  step_started: "Step started",
  cancel_requested: "Cancel requested",
  retried: "Retried as a new analysis",
  retry_scheduled: "Retry scheduled",
  succeeded: "Succeeded (credits captured)",
  failed: "Failed (credits released)",
  cancelled: "Cancelled (credits released)",
  expired: "Quote expired",
  reaped: "Reaped: heartbeat stopped (credits released)",
  hold_expired: "Never started in time (credits released)",
  deleted: "Deleted by its owner (content purged)",
};

/** Date and time to the millisecond, so close events (a claim and its first step) are ordered. */
function exactTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const date = d.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" });
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The event's data as short `key: value` pairs; long values (errors) are cut. */
function details(data: AnalysisEventView["data"]): string {
  if (!data) return "";
  return Object.entries(data)
    .map(([key, value]) => {
      const text = typeof value === "string" ? value : JSON.stringify(value);
      return `${key}: ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`;
    })
    .join(" · ");
}

/** The append-only lifecycle of one analysis (`analysis_events`), oldest first. */
export function AnalysisTimeline({ events }: { events: readonly AnalysisEventView[] }) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Timeline" data-testid="analysis-timeline">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 230 }}>When</TableCell>
            <TableCell sx={{ width: 280 }}>Event</TableCell>
            <TableCell sx={{ width: 80 }}>Attempt</TableCell>
            <TableCell sx={{ width: 190 }}>Worker</TableCell>
            <TableCell>Details</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((e) => (
            <TableRow key={e.id} data-testid="timeline-event" data-type={e.type}>
              <TableCell sx={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
                {exactTime(e.createdAt)}
              </TableCell>
              <TableCell>{LABELS[e.type] ?? e.type}</TableCell>
              <TableCell>{e.attempt ?? "—"}</TableCell>
              <TableCell>
                <Typography variant="body2" sx={{ fontFamily: "monospace", fontSize: 12 }}>
                  {e.workerId ?? "—"}
                </Typography>
              </TableCell>
              <TableCell>
                <Typography
                  variant="body2"
                  sx={{ color: "text.secondary", wordBreak: "break-word" }}
                >
                  {details(e.data)}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
