"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { fetchNoContent } from "@/components/fetch-json";
import { queryKeys } from "@/components/query-keys";

/** Where the user lands after a deletion: their list, with a notice saying it is gone. */
export const AFTER_DELETE_HREF = "/analyses?deleted=1";

/**
 * Delete one's own analysis (`DELETE /api/analyses/:id`). On success its cached views are dropped
 * (they would answer 404 now), lists and balances refresh, and the user lands on their list.
 */
export function useDeleteAnalysis() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (analysisId: string) =>
      fetchNoContent(`/api/analyses/${encodeURIComponent(analysisId)}`, { method: "DELETE" }),
    onSuccess: (_nothing, analysisId) => {
      queryClient.removeQueries({ queryKey: queryKeys.analysis(analysisId) });
      // Every list and balance may have changed (a running one released its credits).
      void queryClient.invalidateQueries();
      router.push(AFTER_DELETE_HREF);
    },
  });
}
