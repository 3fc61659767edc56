"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/** The list and portfolio filters, as kept in the page's URL (see lib/analyses/analysis-filters.ts). */
export const FILTER_KEYS = [
  "q",
  "status",
  "type",
  "law",
  "from",
  "to",
  "sort",
  "dir",
  "view",
  "page",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type UrlFilters = Partial<Record<FilterKey, string>>;

/**
 * The filters live in the URL, not in component state: a reload, a shared link and the back
 * button all restore them. Changes replace the history entry (typing must not flood history).
 */
export function useUrlFilters(): {
  filters: UrlFilters;
  /** The filters as a query string for the API (no leading `?`). */
  queryString: string;
  /** Sets (or, with "" / null, clears) keys; any change but the page's goes back to page 1. */
  setFilters: (patch: UrlFilters | Partial<Record<FilterKey, string | null>>) => void;
} {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const filters = useMemo(() => {
    const found: UrlFilters = {};
    for (const key of FILTER_KEYS) {
      const value = searchParams.get(key);
      if (value) found[key] = value;
    }
    return found;
  }, [searchParams]);

  const queryString = useMemo(() => new URLSearchParams(filters).toString(), [filters]);

  const setFilters = useCallback(
    (patch: Partial<Record<FilterKey, string | null>>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!("page" in patch)) next.delete("page");
      // One-off notices ("?deleted=1") are not filters: they go with the first change.
      next.delete("deleted");
      const search = next.toString();
      if (search === searchParams.toString()) return;
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  return { filters, queryString, setFilters };
}
