"use client";

import { useQuery } from "@tanstack/react-query";
import { analysisResultKey } from "@/components/analyses/analysis-result-key";
import { fetchJson } from "@/components/fetch-json";
import type { AnalysisResult } from "@/lib/analysis/result-schema";

export type AnalysisResultResponse = { documentId: string; result: AnalysisResult };

/** The structured result of a succeeded analysis: it never changes, so it is loaded once. */
export function useAnalysisResult(analysisId: string) {
  return useQuery({
    queryKey: analysisResultKey(analysisId),
    queryFn: ({ signal }) =>
      fetchJson<AnalysisResultResponse>(`/api/analyses/${analysisId}/result`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
