"use client";

import CheckCircleIcon from "@mui/icons-material/CheckCircle";
import ErrorOutlineIcon from "@mui/icons-material/ErrorOutlineRounded";
import PlayArrowIcon from "@mui/icons-material/PlayArrow";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import LinearProgress from "@mui/material/LinearProgress";
import Link from "@mui/material/Link";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import Skeleton from "@mui/material/Skeleton";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { useState } from "react";
import type { FlaggedPurchase, LedgerCheckResponse, LedgerViolation } from "@/components/api-types";
import { shortId } from "@/components/credits/entry-movement";
import { errorMessage, fetchJson } from "@/components/fetch-json";
import { formatNumber, pluralize } from "@/components/format";
import { Notice } from "@/components/notice";
import { queryKeys } from "@/components/query-keys";
import { spaceBetweenRow } from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";

/** Enough to act on; the rest are counted (the CLI `npm run ledger:check` lists them all). */
const SHOWN = 200;

function ViolationItem({ violation }: { violation: LedgerViolation }) {
  return (
    <ListItem
      divider
      data-testid="ledger-violation"
      data-code={violation.code}
      sx={{ display: "block", py: 1.25 }}
    >
      <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}>
        <Chip
          size="small"
          color="error"
          variant="outlined"
          label={violation.code}
          sx={{ fontFamily: "monospace", fontWeight: 600 }}
        />
        <Typography variant="body2" sx={{ overflowWrap: "anywhere" }}>
          {violation.message}
        </Typography>
      </Box>
      {violation.userId || violation.analysisId ? (
        <Typography
          variant="caption"
          component="div"
          sx={{ mt: 0.5, color: "text.secondary", display: "flex", flexWrap: "wrap", gap: 2 }}
        >
          {violation.userId ? (
            <span>
              User{" "}
              <Link
                component={NextLink}
                href={`/admin/users/${violation.userId}`}
                sx={{ fontFamily: "monospace" }}
                title={violation.userId}
                data-testid="ledger-violation-user"
              >
                {shortId(violation.userId)}
              </Link>
            </span>
          ) : null}
          {violation.analysisId ? (
            <span>
              Analysis{" "}
              <Box
                component="span"
                sx={{ fontFamily: "monospace", color: "text.primary", userSelect: "all" }}
                title={violation.analysisId}
              >
                {violation.analysisId}
              </Box>
            </span>
          ) : null}
        </Typography>
      ) : null}
    </ListItem>
  );
}

/** A refund that could not take all its credits back: who, which pack, how many are missing. */
function FlaggedPurchaseItem({ purchase }: { purchase: FlaggedPurchase }) {
  return (
    <ListItem divider data-testid="flagged-purchase" sx={{ display: "block", py: 1.25 }}>
      <Typography variant="body2" sx={{ overflowWrap: "anywhere" }}>
        <Link component={NextLink} href={`/admin/users/${purchase.userId}`}>
          {purchase.userEmail}
        </Link>
        {purchase.accountDeleted && purchase.refundShortfall === 0 ? (
          <>
            {" "}
            — "{purchase.pack}" pack of {formatNumber(purchase.credits)}: paid after the account was
            deleted. Refund the payment in Stripe.
          </>
        ) : (
          <>
            {" "}
            — "{purchase.pack}" pack of {formatNumber(purchase.credits)}: refunded, but{" "}
            <strong>{formatNumber(purchase.refundShortfall)}</strong> credits could not be taken
            back (already spent or held); {formatNumber(purchase.creditsRefunded)} were.
          </>
        )}
      </Typography>
      <Typography variant="caption" sx={{ color: "text.secondary" }}>
        Flagged <RelativeTime iso={purchase.flaggedAt} /> · purchase{" "}
        <Box component="span" sx={{ fontFamily: "monospace", userSelect: "all" }}>
          {purchase.id}
        </Box>
      </Typography>
    </ListItem>
  );
}

/** Runs `GET /api/admin/ledger` once on load and again on demand; shows what broke, with links. */
export function AdminLedgerCheck() {
  const [showAll, setShowAll] = useState(false);
  const query = useQuery({
    queryKey: queryKeys.adminLedger,
    queryFn: ({ signal }) => fetchJson<LedgerCheckResponse>("/api/admin/ledger", { signal }),
    // A full scan: only on page load and when asked, never on focus, on a timer or by retrying.
    staleTime: 0,
    refetchOnMount: "always",
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });

  const report = query.data;
  const violations = report?.violations ?? [];
  const shown = showAll ? violations : violations.slice(0, SHOWN);

  return (
    <Card>
      {query.isFetching ? (
        <LinearProgress aria-label="Checking the ledger" sx={{ height: 2, borderRadius: 0 }} />
      ) : (
        <Box sx={{ height: 2 }} />
      )}
      <CardContent sx={{ p: { xs: 2, md: 3 } }}>
        <Box sx={{ ...spaceBetweenRow, mb: 2 }}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="h5" component="h2">
              Ledger check
            </Typography>
            <Typography
              variant="body2"
              sx={{ color: "text.secondary", fontFamily: "monospace", mt: 0.5 }}
              data-testid="ledger-summary"
              aria-live="polite"
            >
              {report ? report.summary : query.isFetching ? "Running…" : "Not run yet"}
            </Typography>
            {report && query.dataUpdatedAt ? (
              <Typography variant="caption" sx={{ color: "text.secondary" }}>
                Checked <RelativeTime iso={new Date(query.dataUpdatedAt).toISOString()} />
              </Typography>
            ) : null}
          </Box>
          <Button
            variant="contained"
            startIcon={<PlayArrowIcon />}
            onClick={() => void query.refetch()}
            loading={query.isFetching}
            data-testid="run-ledger-check"
          >
            Run ledger check
          </Button>
        </Box>

        {query.isError ? (
          <Notice severity="error" sx={{ mb: report ? 2 : 0 }} data-testid="ledger-error">
            The check couldn't run. {errorMessage(query.error)}
            {report ? " The result below is from the previous run." : ""}
          </Notice>
        ) : null}

        {!report && query.isPending ? (
          <Skeleton variant="rounded" height={56} />
        ) : report?.ok ? (
          <Notice
            severity="success"
            icon={<CheckCircleIcon />}
            data-testid="ledger-ok"
            sx={{ fontWeight: 600 }}
          >
            All invariants hold
          </Notice>
        ) : report ? (
          <Box>
            <Notice
              severity="error"
              icon={<ErrorOutlineIcon />}
              data-testid="ledger-violations"
              sx={{ mb: 1 }}
              title={<>{pluralize(violations.length, "violation")} found</>}
            >
              Each line names the broken rule; open the user to see their credit history.
            </Notice>
            <List dense disablePadding aria-label="Ledger violations">
              {shown.map((v) => (
                <ViolationItem
                  // Violations have no id; code + subject + message is unique per report.
                  key={`${v.code}:${v.userId ?? ""}:${v.analysisId ?? ""}:${v.message}`}
                  violation={v}
                />
              ))}
            </List>
            {violations.length > shown.length ? (
              <Button size="small" sx={{ mt: 1 }} onClick={() => setShowAll(true)}>
                Show all {formatNumber(violations.length)}
              </Button>
            ) : null}
          </Box>
        ) : null}

        {report && report.flaggedPurchases.length > 0 ? (
          <Box sx={{ mt: 3 }} data-testid="flagged-purchases">
            <Notice
              severity="warning"
              sx={{ mb: 1 }}
              title={
                <>{pluralize(report.flaggedPurchases.length, "refunded purchase")} to review</>
              }
            >
              Stripe refunded these payments after the credits were used, so the balance could not
              go below zero. Decide with the user whether to adjust their credits.
            </Notice>
            <List dense disablePadding aria-label="Refunded purchases to review">
              {report.flaggedPurchases.map((p) => (
                <FlaggedPurchaseItem key={p.id} purchase={p} />
              ))}
            </List>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
}
