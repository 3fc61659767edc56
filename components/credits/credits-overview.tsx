"use client";

import Box from "@mui/material/Box";
import Chip, { type ChipProps } from "@mui/material/Chip";
import Link from "@mui/material/Link";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import type { CreditEntry, CreditEntryKind } from "@/components/api-types";
import { BalanceCards } from "@/components/credits/balance-cards";
import { CreditEntriesTable } from "@/components/credits/credit-entries-table";
import { CreditPacks } from "@/components/credits/credit-packs";
import { isDebit, isManual } from "@/components/credits/entry-movement";
import {
  type PurchaseReturn,
  PurchaseReturnNotice,
} from "@/components/credits/purchase-return-notice";
import { useCredits } from "@/components/credits/use-credits";
import { formatNumber } from "@/components/format";
import { QueryErrorAlert } from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";
import { useHydrated } from "@/components/use-hydrated";

const KIND: Record<
  CreditEntryKind,
  { label: string; help: string; color: NonNullable<ChipProps["color"]>; sign: 1 | -1 | 0 }
> = {
  grant: { label: "Grant", help: "Credits added to your account", color: "success", sign: 1 },
  hold: {
    label: "Held",
    help: "Reserved when you confirmed an analysis",
    color: "warning",
    sign: -1,
  },
  capture: {
    label: "Charged",
    help: "Held credits charged because the memo was delivered",
    color: "primary",
    sign: 0,
  },
  release: {
    label: "Released",
    help: "Held credits returned because the analysis failed or was cancelled",
    color: "info",
    sign: 1,
  },
  adjust: {
    label: "Adjustment",
    help: "A correction by our team, adding or removing credits",
    color: "default",
    sign: 0,
  },
  purchase: { label: "Bought", help: "A credit pack you paid for", color: "success", sign: 1 },
  refund: {
    label: "Refunded",
    help: "Credits taken back because a payment was refunded",
    color: "error",
    sign: -1,
  },
};

/** Amount as it affects the available balance: "+100", "−12", or "12" for a charge of held credits. */
function formatAmount(entry: CreditEntry): string {
  const n = formatNumber(Math.abs(entry.amount));
  if (entry.kind === "adjust") return `${isDebit(entry) ? "−" : "+"}${n}`;
  const { sign } = KIND[entry.kind];
  if (sign === 1) return `+${n}`;
  if (sign === -1) return `−${n}`;
  return n;
}

function amountColor(entry: CreditEntry): string {
  if (entry.kind === "adjust") return isDebit(entry) ? "error.main" : "success.main";
  const { sign } = KIND[entry.kind];
  return sign === 1 ? "success.main" : sign === -1 ? "text.primary" : "text.secondary";
}

/** Reason, and for grants and adjustments who made them ("by ops@example.com"). */
function EntryNote({ entry }: { entry: CreditEntry }) {
  const by = isManual(entry) && entry.actorEmail ? entry.actorEmail : null;
  if (!entry.reason && !by) return <>—</>;
  return (
    <>
      {entry.reason ? (
        <Typography
          component="span"
          variant="body2"
          sx={{ display: "block", color: "text.primary", overflowWrap: "anywhere" }}
          data-testid="credit-entry-reason"
        >
          {entry.reason}
        </Typography>
      ) : null}
      {by ? (
        <Typography
          component="span"
          variant="caption"
          sx={{ display: "block", color: "text.secondary", overflowWrap: "anywhere" }}
          data-testid="credit-entry-actor"
        >
          by {by}
        </Typography>
      ) : null}
    </>
  );
}

/** One entry as the user sees it: date, type, movement of the available balance, analysis, note. */
function EntryRow({ entry }: { entry: CreditEntry }) {
  const kind = KIND[entry.kind];
  return (
    <TableRow
      data-testid="credit-entry"
      data-kind={entry.kind}
      data-debit={isDebit(entry) ? "true" : undefined}
    >
      <TableCell sx={{ whiteSpace: "nowrap" }}>
        <RelativeTime iso={entry.createdAt} />
      </TableCell>
      <TableCell>
        <Tooltip title={kind.help}>
          <Chip size="small" variant="outlined" color={kind.color} label={kind.label} />
        </Tooltip>
      </TableCell>
      <TableCell
        align="right"
        sx={{
          fontWeight: 600,
          fontVariantNumeric: "tabular-nums",
          whiteSpace: "nowrap",
          color: amountColor(entry),
        }}
      >
        {formatAmount(entry)}
      </TableCell>
      <TableCell sx={{ maxWidth: { xs: 160, sm: 280 } }}>
        {entry.analysisId ? (
          <Link
            component={NextLink}
            href={`/analyses/${entry.analysisId}`}
            sx={{
              display: "block",
              overflow: "hidden",
              textOverflow: "ellipsis",
              whiteSpace: "nowrap",
            }}
            title={entry.documentName ?? undefined}
          >
            {entry.documentName ?? "View analysis"}
          </Link>
        ) : (
          <Typography component="span" variant="body2" sx={{ color: "text.secondary" }}>
            —
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ display: { xs: "none", md: "table-cell" }, color: "text.secondary" }}>
        <EntryNote entry={entry} />
      </TableCell>
    </TableRow>
  );
}

export function CreditsOverview({ purchase }: { purchase?: PurchaseReturn }) {
  const credits = useCredits();
  // The header's balance may have filled this query before this part of the page hydrates.
  const hydrated = useHydrated();
  const data = hydrated ? credits.data : undefined;
  const isPending = !hydrated || credits.isPending;
  const { isError, error, refetch } = credits;

  if (isError && !data) {
    return (
      <QueryErrorAlert
        query={{ isError, data, error }}
        refreshMessage=""
        loadMessage="We couldn't load your credits. "
        onRetry={() => void refetch()}
      />
    );
  }

  const entries = data?.entries ?? [];
  const purchases = data?.purchases;

  return (
    <>
      {purchase ? <PurchaseReturnNotice outcome={purchase} credits={data} /> : null}
      <BalanceCards balance={data?.balance} />
      {purchases?.enabled && purchases.packs.length > 0 ? (
        <CreditPacks packs={purchases.packs} />
      ) : purchases ? (
        <Typography
          variant="body2"
          sx={{ color: "text.secondary", mt: -2, mb: 4 }}
          data-testid="credits-contact"
        >
          Need more credits? Ask {purchases.contact}.
        </Typography>
      ) : null}

      <Box
        sx={{ display: "flex", alignItems: "baseline", justifyContent: "space-between", mb: 1.5 }}
      >
        <Typography variant="h5" component="h2">
          History
        </Typography>
      </Box>
      <Typography variant="body2" sx={{ color: "text.secondary", mb: 2, maxWidth: 720 }}>
        Credits are held when you confirm an analysis, charged only when its memo is delivered, and
        released if it fails or is cancelled.
      </Typography>

      <CreditEntriesTable
        entries={entries}
        pending={isPending}
        columns={5}
        size="medium"
        ariaLabel="Credit history"
        head={
          <>
            <TableCell>Date</TableCell>
            <TableCell>Type</TableCell>
            <TableCell align="right">Amount</TableCell>
            <TableCell>Analysis</TableCell>
            <TableCell sx={{ display: { xs: "none", md: "table-cell" } }}>Note</TableCell>
          </>
        }
        renderRow={(entry) => <EntryRow key={entry.id} entry={entry} />}
      />
    </>
  );
}
