"use client";

import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { numeric, WorkersTable } from "@/components/admin/queue-workers-table";
import type { QueueHealth, WindowStats } from "@/components/api-types";
import { fetchJson } from "@/components/fetch-json";
import { formatDuration, formatNumber } from "@/components/format";
import { Notice } from "@/components/notice";
import { POLL, queryKeys } from "@/components/query-keys";
import { QueryErrorAlert, spaceBetweenRow } from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";
import { useDocumentHidden } from "@/components/use-document-visibility";

type QueueState = keyof NonNullable<QueueHealth["counts"]>;

// Spelled out here because lib/analyses/get-queue-health.ts pulls in the database client;
// `satisfies` fails the typecheck if BullMQ's state list and this one drift apart.
const COUNT_LABELS = {
  waiting: "Waiting",
  prioritized: "Prioritized",
  delayed: "Delayed",
  active: "Active",
  "waiting-children": "Waiting children",
  completed: "Completed",
  failed: "Failed",
} satisfies Record<QueueState, string>;
const COUNT_STATES = Object.keys(COUNT_LABELS) as QueueState[];

/** A queued analysis older than this means workers are missing or stuck. */
const OLDEST_QUEUED_WARN_MS = 5 * 60_000;

const percentFormat = new Intl.NumberFormat("en-US", {
  style: "percent",
  maximumFractionDigits: 1,
});

/** Coarse "45 s", "3 min", "2 h 05 min": for a wait, seconds stop mattering after a minute. */
function formatAge(ms: number | null): string {
  if (ms === null) return "—";
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

const WINDOW_ROWS: ReadonlyArray<{ label: string; value: (w: WindowStats) => string }> = [
  { label: "Finished", value: (w) => formatNumber(w.finished) },
  { label: "Succeeded", value: (w) => formatNumber(w.succeeded) },
  { label: "Failed", value: (w) => formatNumber(w.failed) },
  { label: "Cancelled", value: (w) => formatNumber(w.cancelled) },
  { label: "Analyses per minute", value: (w) => formatNumber(w.perMinute) },
  {
    label: "Failure rate",
    value: (w) => (w.failureRate === null ? "—" : percentFormat.format(w.failureRate)),
  },
  { label: "Duration p50", value: (w) => formatDuration(w.p50Ms) },
  { label: "Duration p95", value: (w) => formatDuration(w.p95Ms) },
];

function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
      {children}
    </Typography>
  );
}

function StatGrid({ children }: { children: ReactNode }) {
  return (
    <Box
      component="dl"
      sx={{
        display: "grid",
        gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
        gap: 1.5,
        m: 0,
        mb: 4,
      }}
    >
      {children}
    </Box>
  );
}

function Stat({
  label,
  value,
  warning = false,
  title,
  testId,
}: {
  label: string;
  value: string;
  warning?: boolean;
  title?: string;
  testId: string;
}) {
  return (
    <Paper
      variant="outlined"
      title={title}
      data-testid={testId}
      data-warning={warning ? "true" : undefined}
      sx={{ px: 2, py: 1.5, ...(warning ? { borderColor: "warning.main" } : {}) }}
    >
      <Typography
        component="dt"
        variant="overline"
        sx={{ display: "block", lineHeight: 1.6, color: "text.secondary" }}
      >
        {label}
      </Typography>
      <Typography
        component="dd"
        sx={{
          ...numeric,
          m: 0,
          fontSize: "1.5rem",
          fontWeight: 600,
          lineHeight: 1.2,
          color: warning ? "warning.main" : undefined,
        }}
      >
        {value}
      </Typography>
    </Paper>
  );
}

function WindowTable({ health }: { health: QueueHealth }) {
  return (
    <TableContainer component={Paper} variant="outlined" sx={{ mb: 4, maxWidth: 560 }}>
      <Table size="small" aria-label="Throughput" data-testid="queue-windows">
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell align="right">Last hour</TableCell>
            <TableCell align="right">Last 24 h</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {WINDOW_ROWS.map((row) => (
            <TableRow key={row.label}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              <TableCell align="right" sx={numeric}>
                {row.value(health.lastHour)}
              </TableCell>
              <TableCell align="right" sx={numeric}>
                {row.value(health.lastDay)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Redis, BullMQ and Postgres views of the analysis queue, plus workers; polls every 5 s. */
export function QueueHealthPanel() {
  // Re-render on tab visibility change so the polling interval switches right away.
  const hidden = useDocumentHidden();
  const query = useQuery({
    queryKey: queryKeys.adminQueue,
    queryFn: ({ signal }) => fetchJson<QueueHealth>("/api/admin/queue", { signal }),
    refetchInterval: hidden ? POLL.hiddenMs : POLL.adminMs,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
  });
  const health = query.data;

  const errorAlert = (
    <QueryErrorAlert
      query={query}
      refreshMessage="Live updates are paused — we'll keep trying. "
      loadMessage="Couldn't load queue health. "
      onRetry={() => void query.refetch()}
      sx={{ mb: 2 }}
    />
  );

  if (!health) {
    return (
      <Box data-testid="queue-health" aria-busy={query.isPending}>
        {errorAlert}
        {query.isPending ? <Skeleton variant="rounded" height={240} /> : null}
      </Box>
    );
  }

  const { counts } = health;
  const oldestMs = health.oldestQueuedAgeMs;
  const oldestWarn = oldestMs !== null && oldestMs > OLDEST_QUEUED_WARN_MS;

  return (
    <Box data-testid="queue-health">
      <Box sx={{ ...spaceBetweenRow, mb: 2 }}>
        <Chip
          size="small"
          color={health.redis.up ? "success" : "error"}
          label={health.redis.up ? "Redis up" : "Redis down"}
          data-testid="redis-status"
          data-up={String(health.redis.up)}
          sx={{ fontWeight: 600 }}
        />
        <Typography variant="body2" sx={{ color: "text.secondary" }} data-testid="queue-updated">
          updated <RelativeTime iso={health.generatedAt} />
        </Typography>
      </Box>

      {errorAlert}

      {counts ? (
        <>
          <SectionTitle>BullMQ</SectionTitle>
          <StatGrid>
            {COUNT_STATES.map((state) => (
              <Stat
                key={state}
                label={COUNT_LABELS[state]}
                value={formatNumber(counts[state])}
                testId={`queue-count-${state}`}
              />
            ))}
          </StatGrid>
        </>
      ) : (
        <Notice
          severity="error"
          sx={{ mb: 4 }}
          data-testid="redis-down"
          title={
            <>
              Redis unreachable — counts unavailable; Postgres still shows{" "}
              {formatNumber(health.queued)} queued, {formatNumber(health.running)} running
            </>
          }
        >
          {health.redis.error ?? "No error message."}
        </Notice>
      )}

      <SectionTitle>Postgres</SectionTitle>
      <StatGrid>
        <Stat label="Queued" value={formatNumber(health.queued)} testId="queue-pg-queued" />
        <Stat label="Running" value={formatNumber(health.running)} testId="queue-pg-running" />
        <Stat
          label="Oldest queued"
          value={formatAge(oldestMs)}
          warning={oldestWarn}
          title={
            oldestWarn
              ? "Waiting for over 5 minutes — are workers running?"
              : oldestMs === null
                ? "Nothing queued"
                : undefined
          }
          testId="queue-oldest-queued"
        />
      </StatGrid>

      <SectionTitle>Throughput</SectionTitle>
      <WindowTable health={health} />

      <SectionTitle>Workers</SectionTitle>
      <WorkersTable health={health} />
    </Box>
  );
}
