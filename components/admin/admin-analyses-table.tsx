"use client";

import Box from "@mui/material/Box";
import MenuItem from "@mui/material/MenuItem";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import TableSortLabel from "@mui/material/TableSortLabel";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AdminAnalysisRow } from "@/components/admin/admin-analysis-row";
import { PagedTable, usePaging } from "@/components/admin/paged-table";
import type { AdminAnalysesResponse } from "@/components/api-types";
import { fetchJson } from "@/components/fetch-json";
import { formatNumber } from "@/components/format";
import { POLL, queryKeys } from "@/components/query-keys";
import { useDebouncedValue } from "@/components/use-debounced-value";
import { ANALYSIS_STATUSES, STATUS_LABELS } from "@/lib/analyses/analysis-status";

const ALL = "all";

type Sort = "created" | "duration" | "price";
type Filters = {
  status: string;
  user: string;
  document: string;
  /** yyyy-mm-dd from the date inputs; `to` is inclusive (the API's `to` is exclusive). */
  from: string;
  to: string;
  sort: Sort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
};

const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d;
};

function adminUrl(f: Filters): string {
  const params = new URLSearchParams({
    page: String(f.page),
    pageSize: String(f.pageSize),
    sort: f.sort,
    dir: f.dir,
  });
  if (f.status !== ALL) params.set("status", f.status);
  if (f.user) params.set("user", f.user);
  if (f.document) params.set("document", f.document);
  // Local midnight of the chosen days, as the admin reads the dates.
  if (f.from) params.set("from", new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) params.set("to", nextDay(f.to).toISOString());
  return `/api/admin/analyses?${params.toString()}`;
}

/**
 * Every user's analyses: filters (status, user, document, dates), sort (created, duration,
 * price) and pagination all run in the database; each row opens the analysis's detail page.
 * Polls every 5 s.
 */
export function AdminAnalysesTable() {
  const [status, setStatus] = useState<string>(ALL);
  const [user, setUser] = useState("");
  const [documentName, setDocumentName] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [sort, setSort] = useState<Sort>("created");
  const [dir, setDir] = useState<"asc" | "desc">("desc");
  const paging = usePaging();
  const { page, pageSize, setPage } = paging;
  const filters: Filters = {
    status,
    user: useDebouncedValue(user.trim()),
    document: useDebouncedValue(documentName.trim()),
    from,
    to,
    sort,
    dir,
    page,
    pageSize,
  };

  const query = useQuery({
    queryKey: queryKeys.adminAnalyses(filters),
    queryFn: ({ signal }) => fetchJson<AdminAnalysesResponse>(adminUrl(filters), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: POLL.adminMs,
    refetchOnWindowFocus: true,
  });

  /** Any filter change starts again at the first page. */
  const onFilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(0);
    };
  const sortBy = (column: Sort) => {
    setDir(sort === column && dir === "desc" ? "asc" : "desc");
    setSort(column);
    setPage(0);
  };
  const sortLabel = (column: Sort, label: string) => (
    <TableSortLabel
      active={sort === column}
      direction={sort === column ? dir : "desc"}
      onClick={() => sortBy(column)}
      data-testid={`admin-sort-${column}`}
    >
      {label}
    </TableSortLabel>
  );
  const filtered =
    status !== ALL || filters.user !== "" || filters.document !== "" || from !== "" || to !== "";

  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;

  return (
    <Box>
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, mb: 2, alignItems: "center" }}>
        <TextField
          select
          label="Status"
          size="small"
          fullWidth={false}
          value={status}
          onChange={(e) => onFilter(setStatus)(e.target.value)}
          sx={{ minWidth: 170 }}
          slotProps={{ htmlInput: { "data-testid": "admin-status-filter" } }}
        >
          <MenuItem value={ALL}>All statuses</MenuItem>
          {ANALYSIS_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {STATUS_LABELS[s]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="User e-mail"
          size="small"
          fullWidth={false}
          value={user}
          onChange={(e) => onFilter(setUser)(e.target.value)}
          sx={{ width: 200 }}
          slotProps={{ htmlInput: { "data-testid": "admin-user-filter" } }}
        />
        <TextField
          label="Document name"
          size="small"
          fullWidth={false}
          value={documentName}
          onChange={(e) => onFilter(setDocumentName)(e.target.value)}
          sx={{ width: 200 }}
          slotProps={{ htmlInput: { "data-testid": "admin-document-filter" } }}
        />
        <TextField
          label="From"
          type="date"
          size="small"
          value={from}
          onChange={(e) => onFilter(setFrom)(e.target.value)}
          sx={{ width: 160 }}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { "data-testid": "admin-from-filter" },
          }}
        />
        <TextField
          label="To"
          type="date"
          size="small"
          value={to}
          onChange={(e) => onFilter(setTo)(e.target.value)}
          sx={{ width: 160 }}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { "data-testid": "admin-to-filter" },
          }}
        />
        <Typography
          variant="body2"
          sx={{ color: "text.secondary", ml: "auto" }}
          aria-live="polite"
          data-testid="admin-analyses-total"
        >
          {query.data ? `${formatNumber(total)} ${total === 1 ? "analysis" : "analyses"}` : " "}
        </Typography>
      </Box>

      <PagedTable
        query={query}
        messages={{
          refresh: "Live updates are paused — we'll keep trying. ",
          load: "Couldn't load analyses. ",
        }}
        // Fixed layout so long e-mails and file names ellipsize instead of widening the table.
        table={{
          label: "All analyses",
          testId: "admin-analyses-table",
          sx: { minWidth: 900, tableLayout: "fixed" },
        }}
        head={
          <TableRow>
            <TableCell sx={{ width: 130 }}>{sortLabel("created", "Created")}</TableCell>
            <TableCell sx={{ width: "18%" }}>User</TableCell>
            <TableCell sx={{ width: "22%" }}>Document</TableCell>
            <TableCell align="right" sx={{ width: 90 }}>
              {sortLabel("price", "Price")}
            </TableCell>
            <TableCell sx={{ width: 230 }}>Status</TableCell>
            <TableCell align="right" sx={{ width: 110 }}>
              {sortLabel("duration", "Duration")}
            </TableCell>
            <TableCell>Error</TableCell>
          </TableRow>
        }
        columns={7}
        rowCount={items.length}
        emptyMessage={filtered ? "No analyses match these filters." : "No analyses yet."}
        total={total}
        paging={paging}
      >
        {items.map((a) => (
          <AdminAnalysisRow key={a.id} analysis={a} />
        ))}
      </PagedTable>
    </Box>
  );
}
