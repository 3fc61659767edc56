"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { cancelAnalysisAction } from "@/app/actions/analyses";
import {
  type ConfirmFlags,
  confirmAnalysis,
  useRefreshAfterMutation,
} from "@/components/analyses/confirm";
import type { CancelResponse } from "@/components/api-types";
import { ApiError } from "@/components/fetch-json";
import { queryKeys } from "@/components/query-keys";

/**
 * Confirm a quote. Resolves to a `ConfirmOutcome` (it never throws): a refusal (not enough
 * credits, rate limited) is an answer the caller shows, and its kind decides whether the next
 * attempt may reuse the idempotency key. Either way balances and lists are refreshed.
 */
export function useConfirmAnalysis() {
  const refresh = useRefreshAfterMutation();
  return useMutation({
    mutationFn: ({
      documentId,
      idempotencyKey,
      ...flags
    }: { documentId: string; idempotencyKey: string } & ConfirmFlags) =>
      confirmAnalysis(documentId, idempotencyKey, flags),
    onSuccess: (outcome) => refresh(outcome.ok ? outcome.analysis : undefined),
  });
}

/**
 * Cancel one's own analysis. Resolves to the analysis and what the cancel did (`cancel.outcome`:
 * it may have arrived after the analysis had finished). Throws an `ApiError`: code `network` when the server could not be
 * reached (the request may be retried), the server's code when it refused.
 */
export function useCancelAnalysis() {
  const refresh = useRefreshAfterMutation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (analysisId: string): Promise<CancelResponse> => {
      let result: Awaited<ReturnType<typeof cancelAnalysisAction>>;
      try {
        result = await cancelAnalysisAction({ analysisId });
      } catch {
        throw new ApiError(
          0,
          "network",
          "We couldn't reach the server to cancel. Please try again.",
        );
      }
      if (!result.ok) throw new ApiError(409, result.error.code, result.error.message);
      return { analysis: result.analysis, cancel: result.cancel };
    },
    onSuccess: ({ analysis }) => refresh(analysis),
    onError: (error, analysisId) => {
      // Refused: the analysis probably moved on (finished, already cancelled); show where it is.
      if (error instanceof ApiError && error.code !== "network") {
        void queryClient.invalidateQueries({ queryKey: queryKeys.analysis(analysisId) });
      }
    },
  });
}
