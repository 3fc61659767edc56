"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { queryKeys } from "@/components/query-keys";
import type { AnalysisResult } from "@/lib/analysis/result-schema";

export type AnalysisResultResponse = { documentId: string; result: AnalysisResult };

/** The structured result of a succeeded analysis: it never changes, so it is loaded once. */
export function useAnalysisResult(analysisId: string) {
  return useQuery({
    queryKey: queryKeys.analysisResult(analysisId),
    queryFn: ({ signal }) =>
      fetchJson<AnalysisResultResponse>(`/api/analyses/${analysisId}/result`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
