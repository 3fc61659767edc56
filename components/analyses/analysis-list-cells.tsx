"use client";

import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import LinearProgress from "@mui/material/LinearProgress";
import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { queueText } from "@/components/analyses/analysis-copy";
import { ConfirmQuoteButton } from "@/components/analyses/confirm-quote-button";
import { AnalysisRowMenu } from "@/components/analyses/delete-analysis-control";
import { clampPercent, stepText } from "@/components/analyses/progress";
import type { AnalysisView } from "@/components/api-types";
import { formatCredits, formatDateTime, formatRelative, pluralize } from "@/components/format";
import { StatusChip } from "@/components/status-chip";
import { useNow } from "@/components/use-now";
import { isActive } from "@/lib/analyses/analysis-status";

/* Rows of "My analyses": the cells of the table and the compact list used on phones. */

/** "Mar 4, 2026, 14:05", and "3 days ago" beneath it (both in the tooltip too). */
export function AbsoluteTime({ iso, inline = false }: { iso: string | null; inline?: boolean }) {
  const now = useNow();
  if (!iso) return <span>—</span>;
  const absolute = formatDateTime(iso);
  const relative = formatRelative(iso, now);
  return (
    <time dateTime={iso} title={`${absolute} (${relative})`} suppressHydrationWarning>
      {absolute}
      {inline ? null : (
        <Typography
          component="span"
          variant="caption"
          sx={{ display: "block", color: "text.secondary" }}
          suppressHydrationWarning
        >
          {relative}
        </Typography>
      )}
    </time>
  );
}

const clockFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** "Expires in 2 hours, at 14:05" (the day too when it is not today); "Expired" after. */
export function quoteExpiryText(iso: string, now: number): string {
  const at = new Date(iso);
  if (at.getTime() <= now) return "Expired";
  const sameDay = new Date(now).toDateString() === at.toDateString();
  return `Expires ${formatRelative(iso, now)}, at ${sameDay ? clockFormat.format(at) : formatDateTime(iso)}`;
}

/** Unconfirmed quotes, apart from the results: each with its price, expiry and Confirm. */
export function DraftsSection({ analyses, total }: { analyses: AnalysisView[]; total: number }) {
  const now = useNow();
  return (
    <Box component="section" aria-labelledby="drafts-heading" sx={{ mb: 4 }} data-testid="drafts">
      <Typography id="drafts-heading" variant="h6" component="h2">
        Drafts
      </Typography>
      <Typography variant="body2" sx={{ color: "text.secondary", mb: 1.5 }}>
        {pluralize(total, "quote")} waiting for you to confirm. Nothing is charged until you do; a
        quote lapses when it expires.
      </Typography>
      <Stack component="ul" spacing={1} sx={{ listStyle: "none", p: 0, m: 0 }} aria-label="Drafts">
        {analyses.map((a) => (
          <Paper
            key={a.id}
            component="li"
            variant="outlined"
            sx={{
              p: 1.5,
              display: "flex",
              flexWrap: "wrap",
              alignItems: "center",
              gap: 1.5,
            }}
            data-testid="analysis-row"
            data-analysis-id={a.id}
            data-status={a.status}
          >
            <Box sx={{ flex: "1 1 240px", minWidth: 0 }}>
              <Link
                component={NextLink}
                href={`/analyses/${a.id}`}
                sx={{ fontWeight: 600, display: "block", overflowWrap: "anywhere" }}
                title={a.documentName}
                data-testid="analysis-link"
              >
                {a.documentName}
              </Link>
              <Typography
                variant="caption"
                sx={{ color: "text.secondary" }}
                data-testid="draft-expiry"
                suppressHydrationWarning
              >
                {formatCredits(a.priceCredits)}
                {a.quoteExpiresAt ? ` · ${quoteExpiryText(a.quoteExpiresAt, now)}` : ""}
              </Typography>
            </Box>
            <ActionCell analysis={a} />
            <AnalysisRowMenu analysis={a} />
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}

/** Status chip, progress while active, and the no-charge line of a failed analysis. */
export function StatusCell({ analysis }: { analysis: AnalysisView }) {
  const active = isActive(analysis.status);
  const percent = clampPercent(analysis.progress.percent);
  return (
    <Box sx={{ minWidth: { xs: 140, md: 200 }, maxWidth: 280 }}>
      <StatusChip
        status={analysis.status}
        cancelling={analysis.cancelRequested}
        data-testid="analysis-status"
      />
      {active ? (
        <Box sx={{ mt: 1 }}>
          <LinearProgress
            variant={analysis.status === "queued" ? "indeterminate" : "determinate"}
            value={percent}
            aria-label={`Progress for ${analysis.documentName}`}
            data-testid="analysis-progress"
          />
          <Typography
            variant="caption"
            sx={{ color: "text.secondary", display: "block", mt: 0.5 }}
            data-testid="analysis-step"
          >
            {analysis.status === "running" ? `${percent}% · ` : ""}
            {(!analysis.cancelRequested && queueText(analysis.queue)) || stepText(analysis)}
          </Typography>
        </Box>
      ) : null}
      {analysis.status === "failed" && analysis.error ? (
        <Typography
          variant="caption"
          sx={{ color: "error.main", display: "block", mt: 0.5 }}
          title={analysis.error.message}
        >
          Nothing was charged.
        </Typography>
      ) : null}
    </Box>
  );
}

/** Confirm a quote, upload again after it expired, or open the analysis. */
export function ActionCell({ analysis }: { analysis: AnalysisView }) {
  if (analysis.status === "quoted") {
    return (
      <ConfirmQuoteButton
        documentId={analysis.documentId}
        priceCredits={analysis.priceCredits}
        size="small"
      />
    );
  }
  if (analysis.status === "expired") {
    return (
      <Button href="/upload" size="small" variant="text">
        Upload again
      </Button>
    );
  }
  return (
    <Button
      href={`/analyses/${analysis.id}`}
      size="small"
      variant={analysis.status === "succeeded" ? "outlined" : "text"}
      aria-label={`${analysis.status === "succeeded" ? "Open memo for" : "View"} ${analysis.documentName}`}
      sx={{ whiteSpace: "nowrap" }}
    >
      {analysis.status === "succeeded" ? "Open memo" : "View"}
    </Button>
  );
}

/** Phones: one card per analysis instead of a table that would scroll sideways. */
export function CompactList({ analyses }: { analyses: AnalysisView[] }) {
  return (
    <Stack
      component="ul"
      spacing={1.5}
      sx={{ listStyle: "none", p: 0, m: 0 }}
      aria-label="My analyses"
    >
      {analyses.map((a) => (
        <Paper
          key={a.id}
          component="li"
          variant="outlined"
          sx={{ p: 2 }}
          data-testid="analysis-row"
          data-analysis-id={a.id}
          data-status={a.status}
        >
          <Box sx={{ display: "flex", alignItems: "flex-start", gap: 1 }}>
            <Link
              component={NextLink}
              href={`/analyses/${a.id}`}
              sx={{ fontWeight: 600, display: "block", overflowWrap: "anywhere", flexGrow: 1 }}
              title={a.documentName}
              data-testid="analysis-link"
            >
              {a.documentName}
            </Link>
            <AnalysisRowMenu analysis={a} />
          </Box>
          <Typography variant="caption" sx={{ color: "text.secondary", display: "block", mb: 1.5 }}>
            {formatCredits(a.priceCredits)} · created <AbsoluteTime iso={a.createdAt} inline />
            {a.finishedAt ? (
              <>
                {" "}
                · finished <AbsoluteTime iso={a.finishedAt} inline />
              </>
            ) : null}
          </Typography>
          <StatusCell analysis={a} />
          {a.status === "quoted" || a.status === "expired" ? (
            <Box sx={{ mt: 1.5 }}>
              <ActionCell analysis={a} />
            </Box>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}
