"use client";

import SearchIcon from "@mui/icons-material/Search";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import InputAdornment from "@mui/material/InputAdornment";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import { useEffect, useState } from "react";
import type { UrlFilters, useUrlFilters } from "@/components/analyses/use-url-filters";
import { useDebouncedValue } from "@/components/use-debounced-value";
import type { AnalysisFacets } from "@/lib/analyses/list-analysis-facets";

/** Status filter choices of the results list (drafts have their own tab). */
const RESULT_STATUSES = [
  ["succeeded", "Done"],
  ["queued", "Queued"],
  ["running", "Running"],
  ["failed", "Failed"],
  ["cancelled", "Cancelled"],
] as const;

const TYPE_LABELS: Record<string, string> = { nda: "NDA" };
export const contractTypeLabel = (type: string) =>
  TYPE_LABELS[type] ?? type.charAt(0).toUpperCase() + type.slice(1);

/**
 * Search box (debounced into the URL), type, governing law, status and created-date filters:
 * the same bar on "My analyses" and the portfolio.
 */
export function AnalysisFilterBar({
  filters,
  setFilters,
  facets,
  showStatus,
}: {
  filters: UrlFilters;
  setFilters: ReturnType<typeof useUrlFilters>["setFilters"];
  facets: AnalysisFacets | undefined;
  showStatus: boolean;
}) {
  const urlQuery = filters.q ?? "";
  const [text, setText] = useState(urlQuery);
  const debounced = useDebouncedValue(text.trim(), 350);

  // Typing → URL once the user pauses; back/forward or "Clear" → the box follows the URL.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search changes the URL
  useEffect(() => {
    if (debounced !== urlQuery) setFilters({ q: debounced });
  }, [debounced]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a URL change resets the box
  useEffect(() => {
    if (urlQuery !== debounced) setText(urlQuery);
  }, [urlQuery]);

  const select = (key: "status" | "type" | "law", label: string, options: [string, string][]) => (
    <TextField
      select
      size="small"
      label={label}
      value={filters[key] ?? ""}
      onChange={(event) => setFilters({ [key]: event.target.value })}
      sx={{ minWidth: { xs: "calc(50% - 8px)", sm: 160 }, flex: { xs: 1, sm: "0 0 auto" } }}
      slotProps={{ htmlInput: { "data-testid": `filter-${key}` } }}
    >
      <MenuItem value="">Any</MenuItem>
      {options.map(([value, text]) => (
        <MenuItem key={value} value={value}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );

  const date = (key: "from" | "to", label: string) => (
    <TextField
      type="date"
      size="small"
      label={label}
      value={filters[key] ?? ""}
      onChange={(event) => setFilters({ [key]: event.target.value })}
      slotProps={{ inputLabel: { shrink: true } }}
      sx={{ minWidth: { xs: "calc(50% - 8px)", sm: 160 }, flex: { xs: 1, sm: "0 0 auto" } }}
    />
  );

  const anyFilter = ["q", "status", "type", "law", "from", "to"].some(
    (key) => filters[key as keyof UrlFilters],
  );

  return (
    <Box
      role="search"
      sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, alignItems: "center", mb: 2 }}
    >
      <TextField
        size="small"
        type="search"
        label="Search documents and parties"
        value={text}
        onChange={(event) => setText(event.target.value)}
        sx={{ flex: { xs: "1 1 100%", md: "1 1 280px" } }}
        slotProps={{
          htmlInput: { "data-testid": "analyses-search", maxLength: 200 },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" aria-hidden />
              </InputAdornment>
            ),
          },
        }}
      />
      {showStatus
        ? select(
            "status",
            "Status",
            RESULT_STATUSES.map(([v, t]) => [v, t]),
          )
        : null}
      {select(
        "type",
        "Contract type",
        (facets?.contractTypes ?? []).map((type) => [type, contractTypeLabel(type)]),
      )}
      {select(
        "law",
        "Governing law",
        (facets?.governingLaws ?? []).map((law) => [law, law]),
      )}
      {date("from", "Created from")}
      {date("to", "Created to")}
      {anyFilter ? (
        <Button
          onClick={() => {
            setText("");
            setFilters({ q: null, status: null, type: null, law: null, from: null, to: null });
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </Box>
  );
}
