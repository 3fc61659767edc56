"use client";

import DownloadIcon from "@mui/icons-material/Download";
import TableChartIcon from "@mui/icons-material/TableChart";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { AnalysisFilterBar, contractTypeLabel } from "@/components/analyses/analysis-filter-bar";
import { useUrlFilters } from "@/components/analyses/use-url-filters";
import type { PortfolioResponse } from "@/components/api-types";
import { errorMessage, fetchJson } from "@/components/fetch-json";
import { pluralize } from "@/components/format";
import { Notice } from "@/components/notice";
import { queryKeys } from "@/components/query-keys";
import type { DatedTerm } from "@/lib/contract-terms/upcoming-dates";
import { PORTFOLIO_COLUMNS } from "@/lib/portfolio/portfolio-row";

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

function Day({ term }: { term: DatedTerm | null }) {
  if (!term) return <span>—</span>;
  return (
    <span title={term.estimated ? "Estimated from other terms, not stated" : undefined}>
      {dayFormat.format(new Date(`${term.date}T00:00:00Z`))}
      {term.estimated ? (
        <Typography component="span" variant="caption" sx={{ color: "text.secondary" }}>
          {" "}
          (est.)
        </Typography>
      ) : null}
    </span>
  );
}

const text = (value: string | null) => value ?? "—";
const yesNo = (value: boolean | null) => (value === null ? "—" : value ? "Yes" : "No");

/** Screen columns: the export's, with the "estimated" flags shown inside the date cells. */
const HEADERS = PORTFOLIO_COLUMNS.filter((name) => !name.endsWith("estimated"));

/**
 * The portfolio: every analysed contract with its key terms, filtered like "My analyses", and
 * the same rows as CSV or XLSX (the download links carry the page's query).
 */
export function PortfolioView() {
  const { filters, setFilters } = useUrlFilters();
  const params = new URLSearchParams(filters);
  params.delete("page");
  params.delete("view");
  params.delete("status");
  const search = params.toString();
  const query = useQuery({
    queryKey: [...queryKeys.analyses, "portfolio", search],
    queryFn: ({ signal }) =>
      fetchJson<PortfolioResponse>(`/api/portfolio${search ? `?${search}` : ""}`, { signal }),
    placeholderData: keepPreviousData,
  });
  // Plain links (component="a"): a router link would prefetch the file as a page.
  const download = (format: "csv" | "xlsx") =>
    `/api/portfolio?${new URLSearchParams({ ...Object.fromEntries(params), format })}`;
  const rows = query.data?.rows ?? [];
  const filtered = ["q", "type", "law", "from", "to"].some((key) => params.get(key));

  return (
    <>
      <AnalysisFilterBar
        filters={filters}
        setFilters={setFilters}
        facets={query.data?.facets}
        showStatus={false}
      />
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, alignItems: "center", mb: 2 }}>
        <Typography
          variant="body2"
          sx={{ color: "text.secondary", flexGrow: 1 }}
          aria-live="polite"
          data-testid="portfolio-count"
        >
          {query.data ? pluralize(rows.length, "contract") : " "}
        </Typography>
        {(["csv", "xlsx"] as const).map((format) => (
          <Button
            key={format}
            component="a"
            href={download(format)}
            download
            variant="outlined"
            startIcon={<DownloadIcon />}
            disabled={!rows.length}
            data-testid={`portfolio-download-${format}`}
          >
            Download {format.toUpperCase()}
          </Button>
        ))}
      </Box>
      {query.isPending ? (
        <Paper
          variant="outlined"
          role="status"
          aria-busy="true"
          aria-label="Loading your portfolio"
          sx={{ p: 2 }}
        >
          <Skeleton variant="text" />
          <Skeleton variant="text" />
          <Skeleton variant="text" />
        </Paper>
      ) : query.isLoadingError ? (
        <Notice severity="error" onRetry={() => void query.refetch()}>
          We couldn't load your portfolio. {errorMessage(query.error)}
        </Notice>
      ) : rows.length === 0 ? (
        <Paper
          variant="outlined"
          sx={{ py: 6, px: 3, textAlign: "center" }}
          data-testid="portfolio-empty"
        >
          <TableChartIcon aria-hidden sx={{ fontSize: 48, color: "text.secondary", mb: 1.5 }} />
          <Typography variant="h6" component="h2">
            {filtered ? "No contracts match these filters" : "No analyzed contracts yet"}
          </Typography>
          <Typography sx={{ color: "text.secondary", mt: 1, maxWidth: 480, mx: "auto" }}>
            {filtered
              ? "Clear a filter to see more."
              : "When an analysis is done, its key terms (dates, renewal, notice, governing law) appear here side by side."}
          </Typography>
        </Paper>
      ) : (
        // Wide by nature: scrolls sideways on a phone rather than squeezing the terms.
        <TableContainer component={Paper} variant="outlined" sx={{ overflowX: "auto" }}>
          <Table size="small" aria-label="Portfolio" data-testid="portfolio-table">
            <TableHead>
              <TableRow>
                {HEADERS.map((name) => (
                  <TableCell key={name} sx={{ whiteSpace: "nowrap", fontWeight: 600 }}>
                    {name}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow
                  key={row.analysisId}
                  hover
                  data-testid="portfolio-row"
                  sx={{ verticalAlign: "top" }}
                >
                  <TableCell sx={{ minWidth: 200 }}>
                    <Link
                      component={NextLink}
                      href={`/analyses/${row.analysisId}`}
                      title={row.document}
                      sx={{ fontWeight: 600, overflowWrap: "anywhere" }}
                    >
                      {row.document}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {row.contractType ? contractTypeLabel(row.contractType) : "—"}
                  </TableCell>
                  <TableCell sx={{ minWidth: 140 }}>{text(row.counterparty)}</TableCell>
                  <TableCell sx={{ minWidth: 180 }}>
                    {row.parties.length ? row.parties.join("; ") : "—"}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>
                    <Day
                      term={
                        row.effectiveDate ? { date: row.effectiveDate, estimated: false } : null
                      }
                    />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>
                    <Day term={row.expiration} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>{text(row.term)}</TableCell>
                  <TableCell>{yesNo(row.autoRenews)}</TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>{text(row.renewalTerm)}</TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>{text(row.noticePeriod)}</TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }} data-testid="portfolio-notice-deadline">
                    <Day term={row.noticeDeadline} />
                  </TableCell>
                  <TableCell sx={{ minWidth: 120 }}>{text(row.governingLaw)}</TableCell>
                  <TableCell sx={{ minWidth: 160 }}>
                    {row.riskFlags.length ? (
                      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 0.5 }}>
                        {row.riskFlags.map((flag) => (
                          <Chip key={flag} label={flag} size="small" variant="outlined" />
                        ))}
                      </Box>
                    ) : (
                      "—"
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}
