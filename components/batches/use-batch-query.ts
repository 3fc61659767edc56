"use client";

import { useQuery } from "@tanstack/react-query";
import type { BatchesListResponse, BatchResponse, BatchView } from "@/components/api-types";
import { fetchJson } from "@/components/fetch-json";
import { isDocumentHidden, POLL, queryKeys } from "@/components/query-keys";
import { useDocumentHidden } from "@/components/use-document-visibility";

/** Confirmed and not every contract finished: worth polling. */
export function isBatchActive(batch: BatchView): boolean {
  return batch.confirmedAt !== null && batch.counts.queued + batch.counts.running > 0;
}

/** One batch, polled while any of its analyses is queued or running (slower in a hidden tab). */
export function useBatchQuery(id: string) {
  useDocumentHidden();
  return useQuery({
    queryKey: queryKeys.batch(id),
    queryFn: ({ signal }) =>
      fetchJson<BatchResponse>(`/api/batches/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (q) => {
      const batch = q.state.data?.batch;
      if (!batch || !isBatchActive(batch)) return false;
      return isDocumentHidden() ? POLL.hiddenMs : POLL.detailMs;
    },
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
  });
}

/**
 * My latest batches (for the analyses page), polled like the list below them while one is still
 * running: otherwise "0 of 8 done" stayed above rows that had finished.
 */
export function useBatchesList(limit = 5) {
  useDocumentHidden();
  return useQuery({
    queryKey: [...queryKeys.batchesList, limit],
    queryFn: ({ signal }) =>
      fetchJson<BatchesListResponse>(`/api/batches?limit=${limit}`, { signal }),
    refetchInterval: (q) => {
      const running = q.state.data?.batches.some(
        (b) => b.confirmedAt !== null && b.counts.done < b.counts.total,
      );
      if (!running) return false;
      return isDocumentHidden() ? POLL.hiddenMs : POLL.listMs;
    },
  });
}
