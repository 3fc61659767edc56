"use client";

import Box from "@mui/material/Box";
import Link from "@mui/material/Link";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { PagedTable, usePaging } from "@/components/admin/paged-table";
import type { AdminActionView, AdminAuditResponse } from "@/components/api-types";
import { fetchJson } from "@/components/fetch-json";
import { formatCredits, formatNumber } from "@/components/format";
import { queryKeys } from "@/components/query-keys";
import { noWrapEllipsis, spaceBetweenRow } from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";
import { isAnalysisStatus, STATUS_LABELS } from "@/lib/analyses/analysis-status";

type ActionKind = AdminActionView["kind"];

const KIND_LABELS: Record<ActionKind, string> = {
  retry_analysis: "Retried analysis",
  cancel_analysis: "Cancelled analysis",
  grant_credits: "Granted credits",
  adjust_credits: "Adjusted credits",
  disable_user: "Disabled user",
  enable_user: "Re-enabled user",
  change_user_role: "Changed role",
  set_user_active_limit: "Set analysis limit",
  delete_document: "Deleted a document",
  delete_analysis: "Deleted an analysis",
  delete_account: "Deleted their account",
  purge_documents: "Retention purged files",
};

const COLUMNS = 6;

// `data` is free-form JSON written by each action; read it field by field, trusting nothing.
type ActionData = AdminActionView["data"];

function numberField(data: ActionData, key: string): number | null {
  const v = data?.[key];
  return typeof v === "number" ? v : null;
}

function booleanField(data: ActionData, key: string): boolean | null {
  const v = data?.[key];
  return typeof v === "boolean" ? v : null;
}

function stringField(data: ActionData, key: string): string | null {
  const v = data?.[key];
  return typeof v === "string" ? v : null;
}

function auditUrl(page: number, pageSize: number): string {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  return `/api/admin/audit?${params.toString()}`;
}

function analysisHref(id: string): string {
  return `/admin/analyses/${encodeURIComponent(id)}`;
}

const none = (
  <Typography variant="body2" component="span" sx={{ color: "text.disabled" }}>
    —
  </Typography>
);

/** What the action did, from its `data`: credit amounts, retry charge and new analysis, cancel
 *  origin, a user's limit of analyses at once. */
function ActionDetails({ action }: { action: AdminActionView }) {
  const { data } = action;
  switch (action.kind) {
    case "grant_credits":
    case "adjust_credits": {
      const amount = numberField(data, "amount");
      if (amount === null) return none;
      const debit = booleanField(data, "debit") === true;
      return (
        <Typography
          variant="body2"
          sx={{ fontVariantNumeric: "tabular-nums", color: debit ? "error.main" : "success.main" }}
        >
          {debit ? "−" : "+"}
          {formatCredits(amount)}
          {debit ? " (debit)" : ""}
        </Typography>
      );
    }
    case "retry_analysis": {
      const charged = booleanField(data, "charged");
      const price = numberField(data, "priceCredits");
      const retryId = stringField(data, "retryAnalysisId");
      const charge =
        charged === null
          ? null
          : !charged
            ? "free of charge"
            : price === null
              ? "charged"
              : `charged ${formatCredits(price)}`;
      if (!charge && !retryId) return none;
      return (
        <Typography variant="body2">
          {charge}
          {charge && retryId ? " · " : null}
          {retryId ? (
            <Link
              component={NextLink}
              href={analysisHref(retryId)}
              title={retryId}
              data-testid="audit-retry-link"
            >
              new analysis
            </Link>
          ) : null}
        </Typography>
      );
    }
    case "cancel_analysis": {
      const from = stringField(data, "from");
      if (!from) return none;
      return (
        <Typography variant="body2">
          from {isAnalysisStatus(from) ? STATUS_LABELS[from].toLowerCase() : from}
        </Typography>
      );
    }
    case "set_user_active_limit": {
      // null = the configured default.
      const limit = (key: string) => {
        const n = numberField(data, key);
        return n === null ? "default" : String(n);
      };
      return (
        <Typography variant="body2" sx={{ fontVariantNumeric: "tabular-nums" }}>
          {limit("from")} → {limit("to")} at once
        </Typography>
      );
    }
    case "delete_document":
    case "delete_analysis":
    case "delete_account":
    case "purge_documents": {
      // Counts only: the audit log never names or shows what was deleted.
      const counted = (key: string, one: string, many: string) => {
        const n = numberField(data, key);
        return n === null ? [] : [`${formatNumber(n)} ${n === 1 ? one : many}`];
      };
      const parts = [
        ...counted("documents", "file", "files"),
        ...counted("analyses", "analysis", "analyses"),
      ];
      const released = numberField(data, "releasedCredits");
      if (released) parts.push(`${formatCredits(released)} released`);
      if (parts.length === 0) return none;
      return <Typography variant="body2">{parts.join(" · ")}</Typography>;
    }
    default:
      return none;
  }
}

/** The admin audit log, newest first, with server-side pagination. */
export function AuditLogTable() {
  const paging = usePaging();
  const { page, pageSize } = paging;

  const query = useQuery({
    queryKey: queryKeys.adminAudit(page, pageSize),
    queryFn: ({ signal }) => fetchJson<AdminAuditResponse>(auditUrl(page, pageSize), { signal }),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });

  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;

  return (
    <Box>
      <Box sx={{ ...spaceBetweenRow, justifyContent: "flex-end", mb: 2 }}>
        <Typography variant="body2" sx={{ color: "text.secondary" }} aria-live="polite">
          {query.data ? `${formatNumber(total)} ${total === 1 ? "action" : "actions"}` : " "}
        </Typography>
      </Box>

      <PagedTable
        query={query}
        messages={{
          refresh: "Couldn't refresh the audit log. ",
          load: "Couldn't load the audit log. ",
          onRetry: () => void query.refetch(),
        }}
        table={{ label: "Audit log", testId: "audit-log-table", sx: { minWidth: 960 } }}
        head={
          <TableRow>
            <TableCell sx={{ width: 130 }}>When</TableCell>
            <TableCell sx={{ width: "16%" }}>By</TableCell>
            <TableCell sx={{ width: 160 }}>Action</TableCell>
            <TableCell sx={{ width: "18%" }}>Target</TableCell>
            <TableCell sx={{ width: 200 }}>Details</TableCell>
            <TableCell>Reason</TableCell>
          </TableRow>
        }
        columns={COLUMNS}
        rowCount={items.length}
        emptyMessage="No admin actions yet."
        total={total}
        paging={paging}
      >
        {items.map((a) => (
          <TableRow key={a.id} hover data-testid="audit-row" data-kind={a.kind}>
            <TableCell sx={{ whiteSpace: "nowrap" }}>
              {/* RelativeTime carries the exact date and time as its title. */}
              <RelativeTime iso={a.createdAt} />
            </TableCell>
            <TableCell sx={{ maxWidth: 240 }}>
              {a.actorEmail ? (
                <Typography variant="body2" sx={noWrapEllipsis} title={a.actorEmail}>
                  {a.actorEmail}
                </Typography>
              ) : (
                <Typography variant="body2" sx={{ color: "text.secondary" }}>
                  System
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <Typography variant="body2" sx={{ fontWeight: 500, whiteSpace: "nowrap" }}>
                {KIND_LABELS[a.kind]}
              </Typography>
            </TableCell>
            <TableCell sx={{ maxWidth: 260 }}>
              {a.targetUserEmail ? (
                <Typography variant="body2" sx={noWrapEllipsis} title={a.targetUserEmail}>
                  {a.targetUserEmail}
                </Typography>
              ) : null}
              {a.analysisId ? (
                <Link
                  component={NextLink}
                  href={analysisHref(a.analysisId)}
                  variant="caption"
                  title={a.analysisId}
                  data-testid="audit-analysis-link"
                >
                  analysis
                </Link>
              ) : null}
              {!a.targetUserEmail && !a.analysisId ? none : null}
            </TableCell>
            <TableCell>
              <ActionDetails action={a} />
            </TableCell>
            <TableCell>
              <Typography variant="body2" sx={{ overflowWrap: "anywhere" }}>
                {a.reason}
              </Typography>
            </TableCell>
          </TableRow>
        ))}
      </PagedTable>
    </Box>
  );
}
