"use client";

import SearchIcon from "@mui/icons-material/Search";
import TollIcon from "@mui/icons-material/Toll";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import InputAdornment from "@mui/material/InputAdornment";
import Link from "@mui/material/Link";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { useState } from "react";
import type { CreditChangeTarget } from "@/components/admin/credit-change";
import { CreditChangeDialog } from "@/components/admin/credit-change-dialog";
import { PagedTable, usePaging } from "@/components/admin/paged-table";
import { DisabledChip, RoleChip } from "@/components/admin/user-chips";
import type { AdminUser, AdminUsersResponse } from "@/components/api-types";
import { fetchJson } from "@/components/fetch-json";
import { formatNumber } from "@/components/format";
import { queryKeys } from "@/components/query-keys";
import { ActionsHeaderCell, noWrapEllipsis, spaceBetweenRow } from "@/components/query-state";
import { RelativeTime } from "@/components/relative-time";
import { useDebouncedValue } from "@/components/use-debounced-value";

function usersUrl(q: string, page: number, pageSize: number): string {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (q) params.set("q", q);
  return `/api/admin/users?${params.toString()}`;
}

const numeric = { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

const COLUMNS = 9;

/** Every user with their balance; search by email (debounced), server-side pagination. */
export function AdminUsersTable() {
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300);
  const paging = usePaging();
  const { page, pageSize, setPage } = paging;
  const [target, setTarget] = useState<CreditChangeTarget | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);

  // A new search starts from the first page (state adjusted during render, not in an effect).
  const [lastQ, setLastQ] = useState(q);
  if (q !== lastQ) {
    setLastQ(q);
    setPage(0);
  }

  const query = useQuery({
    queryKey: queryKeys.adminUsersPage(q, page, pageSize),
    queryFn: ({ signal }) => fetchJson<AdminUsersResponse>(usersUrl(q, page, pageSize), { signal }),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });

  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;
  const searching = search.trim() !== q;

  const openDialog = (user: AdminUser) => {
    setTarget({ id: user.id, email: user.email, available: user.balance.available });
    setDialogOpen(true);
  };

  return (
    <Box>
      <Box sx={{ ...spaceBetweenRow, mb: 2 }}>
        <TextField
          type="search"
          label="Search by email"
          size="small"
          fullWidth={false}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          sx={{ minWidth: { xs: "100%", sm: 320 } }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
            htmlInput: { maxLength: 200, "data-testid": "admin-users-search" },
          }}
        />
        <Typography variant="body2" sx={{ color: "text.secondary" }} aria-live="polite">
          {query.data ? `${formatNumber(total)} ${total === 1 ? "user" : "users"}` : " "}
        </Typography>
      </Box>

      <PagedTable
        query={query}
        messages={{ refresh: "Couldn't refresh the list. ", load: "Couldn't load users. " }}
        table={{ label: "Users", testId: "admin-users-table", sx: { minWidth: 960 } }}
        head={
          <TableRow>
            <TableCell>User</TableCell>
            <TableCell sx={{ width: 90 }}>Role</TableCell>
            <TableCell align="right" sx={{ width: 90 }}>
              Available
            </TableCell>
            <TableCell align="right" sx={{ width: 80 }}>
              Held
            </TableCell>
            <TableCell align="right" sx={{ width: 80 }}>
              Spent
            </TableCell>
            <TableCell align="right" sx={{ width: 90 }}>
              Granted
            </TableCell>
            <TableCell sx={{ width: 120 }}>Created</TableCell>
            <TableCell sx={{ width: 100 }}>Status</TableCell>
            <ActionsHeaderCell sx={{ width: 160 }} />
          </TableRow>
        }
        columns={COLUMNS}
        rowCount={items.length}
        emptyMessage={q ? `No users with an email matching “${q}”.` : "No users yet."}
        busy={searching}
        total={total}
        paging={paging}
      >
        {items.map((user) => (
          <TableRow
            key={user.id}
            hover
            data-testid="admin-user-row"
            data-user-id={user.id}
            data-email={user.email}
          >
            <TableCell sx={{ maxWidth: 280 }}>
              <Link
                component={NextLink}
                href={`/admin/users/${user.id}`}
                sx={{ ...noWrapEllipsis, fontWeight: 500 }}
                title={user.email}
                data-testid="admin-user-link"
              >
                {user.email}
              </Link>
              {user.name ? (
                <Typography
                  variant="caption"
                  sx={{ ...noWrapEllipsis, color: "text.secondary" }}
                  title={user.name}
                >
                  {user.name}
                </Typography>
              ) : null}
            </TableCell>
            <TableCell>
              <RoleChip role={user.role} />
            </TableCell>
            <TableCell
              align="right"
              sx={{ ...numeric, fontWeight: 600 }}
              data-testid="admin-user-available"
            >
              {formatNumber(user.balance.available)}
            </TableCell>
            <TableCell align="right" sx={numeric}>
              {formatNumber(user.balance.held)}
            </TableCell>
            <TableCell align="right" sx={numeric}>
              {formatNumber(user.balance.spent)}
            </TableCell>
            <TableCell align="right" sx={numeric}>
              {formatNumber(user.balance.granted)}
            </TableCell>
            <TableCell sx={{ whiteSpace: "nowrap" }}>
              <RelativeTime iso={user.createdAt} />
            </TableCell>
            <TableCell>
              {user.disabled ? (
                <DisabledChip />
              ) : (
                <Typography variant="body2" sx={{ color: "text.disabled" }}>
                  Active
                </Typography>
              )}
            </TableCell>
            <TableCell align="right">
              <Button
                size="small"
                variant="outlined"
                startIcon={<TollIcon fontSize="small" />}
                onClick={() => openDialog(user)}
                aria-label={`Adjust credits for ${user.email}`}
                data-testid="adjust-credits"
                sx={{ whiteSpace: "nowrap" }}
              >
                Adjust credits
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </PagedTable>

      <CreditChangeDialog open={dialogOpen} user={target} onClose={() => setDialogOpen(false)} />
    </Box>
  );
}
