"use client";

import ArrowBackIcon from "@mui/icons-material/ArrowBack";
import TollIcon from "@mui/icons-material/Toll";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip, { type ChipProps } from "@mui/material/Chip";
import Link from "@mui/material/Link";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { useState } from "react";
import { ActiveLimitControl } from "@/components/admin/active-limit-control";
import { CreditChangeDialog } from "@/components/admin/credit-change-dialog";
import { ReasonDialog } from "@/components/admin/reason-dialog";
import { useSetUserDisabled } from "@/components/admin/use-admin-mutations";
import { DisabledChip, RoleChip } from "@/components/admin/user-chips";
import type {
  AdminUser,
  AdminUserCreditsResponse,
  CreditEntry,
  CreditEntryKind,
} from "@/components/api-types";
import { BalanceCards, type BalanceField } from "@/components/credits/balance-cards";
import { CreditEntriesTable } from "@/components/credits/credit-entries-table";
import { describeMovement, isDebit, shortId } from "@/components/credits/entry-movement";
import { fetchJson } from "@/components/fetch-json";
import { formatDateTime, formatNumber } from "@/components/format";
import { Notice, NoticeToast } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { queryKeys } from "@/components/query-keys";
import { QueryErrorAlert } from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";

export type AdminUserSummary = Omit<AdminUser, "balance">;

/** Matches the server's `listCreditEntries` default limit: a full page means older ones exist. */
const HISTORY_LIMIT = 200;

const ADMIN_BALANCE_HELP: Record<BalanceField, string> = {
  available: "Free to spend on new analyses",
  held: "Reserved for analyses in progress",
  spent: "Charged for delivered memos",
  granted: "Grants and adjustments, net",
};

const KIND: Record<CreditEntryKind, { label: string; color: NonNullable<ChipProps["color"]> }> = {
  grant: { label: "Grant", color: "success" },
  adjust: { label: "Adjustment", color: "default" },
  hold: { label: "Hold", color: "warning" },
  capture: { label: "Charge", color: "primary" },
  release: { label: "Release", color: "info" },
  purchase: { label: "Purchase", color: "success" },
  refund: { label: "Refund", color: "error" },
};

const COLUMNS = 6;

function EntryRow({ entry }: { entry: CreditEntry }) {
  const kind = KIND[entry.kind];
  const movement = describeMovement(entry);
  return (
    <TableRow
      data-testid="credit-entry"
      data-kind={entry.kind}
      data-debit={isDebit(entry) ? "true" : undefined}
      hover
    >
      <TableCell sx={{ whiteSpace: "nowrap" }}>
        <RelativeTime iso={entry.createdAt} />
      </TableCell>
      <TableCell>
        <Chip
          size="small"
          variant="outlined"
          color={isDebit(entry) ? "error" : kind.color}
          label={kind.label}
        />
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
        <Typography
          variant="body2"
          sx={{ fontWeight: 600, fontVariantNumeric: "tabular-nums", color: movement.color }}
          data-testid="credit-entry-amount"
        >
          {movement.amount}
        </Typography>
        <Typography variant="caption" sx={{ color: "text.secondary" }}>
          {movement.effect}
        </Typography>
      </TableCell>
      <TableCell sx={{ maxWidth: 240 }}>
        {entry.analysisId ? (
          <>
            <Typography
              variant="body2"
              sx={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
              title={entry.documentName ?? undefined}
            >
              {entry.documentName ?? "Untitled document"}
            </Typography>
            <Tooltip title={`Open analysis ${entry.analysisId}`}>
              <Link
                component={NextLink}
                href={`/admin/analyses/${entry.analysisId}`}
                variant="caption"
                underline="hover"
                sx={{ fontFamily: "monospace" }}
              >
                {shortId(entry.analysisId)}
              </Link>
            </Tooltip>
          </>
        ) : (
          <Typography variant="body2" sx={{ color: "text.disabled" }}>
            —
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ maxWidth: 320 }}>
        <Typography variant="body2" sx={{ overflowWrap: "anywhere" }}>
          {entry.reason ?? "—"}
        </Typography>
      </TableCell>
      <TableCell sx={{ maxWidth: 200 }}>
        <Typography
          variant="body2"
          sx={{
            overflow: "hidden",
            textOverflow: "ellipsis",
            whiteSpace: "nowrap",
            color: entry.actorEmail ? "text.primary" : "text.secondary",
          }}
          title={entry.actorEmail ?? undefined}
          data-testid="credit-entry-actor"
        >
          {entry.actorEmail ?? "system"}
        </Typography>
      </TableCell>
    </TableRow>
  );
}

/** One user for admins: who they are, their balance, the "Adjust credits" action and full history. */
export function AdminUserDetail({
  user,
  defaultActiveLimit,
}: {
  user: AdminUserSummary;
  /** USER_MAX_ACTIVE for users without a limit of their own; null = no limit. */
  defaultActiveLimit: number | null;
}) {
  const [dialogOpen, setDialogOpen] = useState(false);
  const [accessDialogOpen, setAccessDialogOpen] = useState(false);
  const [accessNotice, setAccessNotice] = useState<string | null>(null);
  const setDisabled = useSetUserDisabled(user.id, {
    disabled: !user.disabled,
    onDone: (disabled) =>
      setAccessNotice(
        disabled
          ? `Disabled ${user.email}: signed out, and can no longer sign in, upload or confirm.`
          : `Re-enabled ${user.email}: they can sign in again.`,
      ),
  });

  const query = useQuery({
    queryKey: queryKeys.adminUserCredits(user.id),
    queryFn: ({ signal }) =>
      fetchJson<AdminUserCreditsResponse>(
        `/api/admin/users/${encodeURIComponent(user.id)}/credits`,
        { signal },
      ),
    refetchOnWindowFocus: true,
  });

  const balance = query.data?.balance;
  const entries = query.data?.entries ?? [];

  return (
    <>
      <Button
        href="/admin/users"
        size="small"
        startIcon={<ArrowBackIcon fontSize="small" />}
        sx={{ mb: 1.5, ml: -1.25, color: "text.secondary" }}
      >
        All users
      </Button>
      <PageHeader
        title={<span data-testid="admin-user-email">{user.email}</span>}
        description={
          <Box
            component="span"
            sx={{ display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}
          >
            <RoleChip role={user.role} />
            {user.disabled ? <DisabledChip /> : null}
            {user.name ? <span>{user.name}</span> : null}
            <span>
              · Joined <time dateTime={user.createdAt}>{formatDateTime(user.createdAt)}</time>
            </span>
          </Box>
        }
        actions={
          <Box sx={{ display: "flex", gap: 1 }}>
            <Button
              variant="outlined"
              color={user.disabled ? "primary" : "error"}
              onClick={() => setAccessDialogOpen(true)}
              data-testid="toggle-user-disabled"
            >
              {user.disabled ? "Re-enable…" : "Disable…"}
            </Button>
            <Button
              variant="contained"
              startIcon={<TollIcon />}
              onClick={() => setDialogOpen(true)}
              data-testid="adjust-credits"
            >
              Adjust credits
            </Button>
          </Box>
        }
      />

      <ActiveLimitControl user={user} defaultActiveLimit={defaultActiveLimit} />

      <QueryErrorAlert
        query={query}
        refreshMessage="Couldn't refresh. "
        loadMessage="Couldn't load this user's credits. "
        onRetry={() => void query.refetch()}
        sx={{ mb: 3 }}
      />

      {query.data?.flaggedPurchases.map((purchase) => (
        <Notice
          key={purchase.id}
          severity="warning"
          title="Refund to review"
          sx={{ mb: 2 }}
          data-testid="user-flagged-purchase"
        >
          {purchase.accountDeleted && purchase.refundShortfall === 0 ? (
            <>
              Their "{purchase.pack}" pack ({formatNumber(purchase.credits)} credits) was paid after
              the account was deleted. Refund the payment in Stripe.
            </>
          ) : (
            <>
              Stripe refunded their "{purchase.pack}" pack ({formatNumber(purchase.credits)}{" "}
              credits) after credits were used: {formatNumber(purchase.creditsRefunded)} were taken
              back, {formatNumber(purchase.refundShortfall)} could not be (the balance never goes
              below zero). Decide with the user whether to adjust their credits.
            </>
          )}
        </Notice>
      ))}
      <BalanceCards balance={balance} help={ADMIN_BALANCE_HELP} />

      <Typography variant="h5" component="h2" sx={{ mb: 1.5 }}>
        Credit history
      </Typography>
      <Typography variant="body2" sx={{ color: "text.secondary", mb: 2, maxWidth: 760 }}>
        Newest first. Holds move credits from available to held; a charge moves them from held to
        spent, a release back to available. Grants and adjustments change available and granted.
        {entries.length >= HISTORY_LIMIT
          ? ` Showing the latest ${HISTORY_LIMIT} entries; older ones are not listed.`
          : ""}
      </Typography>

      <CreditEntriesTable
        entries={entries}
        pending={query.isPending}
        columns={COLUMNS}
        size="small"
        ariaLabel={`Credit history of ${user.email}`}
        sx={{ minWidth: 900 }}
        head={
          <>
            <TableCell sx={{ width: 130 }}>Date</TableCell>
            <TableCell sx={{ width: 130 }}>Kind</TableCell>
            <TableCell align="right" sx={{ width: 160 }}>
              Amount
            </TableCell>
            <TableCell sx={{ width: "22%" }}>Document / analysis</TableCell>
            <TableCell>Reason</TableCell>
            <TableCell sx={{ width: 180 }}>By</TableCell>
          </>
        }
        renderRow={(entry) => <EntryRow key={entry.id} entry={entry} />}
      />

      <ReasonDialog
        open={accessDialogOpen}
        title={user.disabled ? `Re-enable ${user.email}?` : `Disable ${user.email}?`}
        confirmLabel={user.disabled ? "Re-enable" : "Disable account"}
        color={user.disabled ? "primary" : "error"}
        onClose={() => setAccessDialogOpen(false)}
        mutation={setDisabled}
        testId="user-access-dialog"
      >
        <Typography variant="body2">
          {user.disabled
            ? "They can sign in, upload and confirm analyses again."
            : "They can no longer sign in, upload or confirm analyses. Analyses already running finish; their history stays."}
        </Typography>
      </ReasonDialog>

      <NoticeToast
        notice={accessNotice ? { severity: "success", message: accessNotice } : null}
        onClose={() => setAccessNotice(null)}
        autoHideMs={8_000}
        data-testid="user-access-notice"
      />

      <CreditChangeDialog
        open={dialogOpen}
        user={{ id: user.id, email: user.email, available: balance?.available }}
        onClose={() => setDialogOpen(false)}
      />
    </>
  );
}
