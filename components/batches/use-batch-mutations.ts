"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ConfirmFailure } from "@/components/analyses/confirm";
import { useRefreshAfterMutation } from "@/components/analyses/confirm";
import type { BatchResponse, BatchView } from "@/components/api-types";
import { ApiError, errorMessage, fetchJson } from "@/components/fetch-json";
import { queryKeys } from "@/components/query-keys";

export type BatchConfirmOutcome =
  | { ok: true; batch: BatchView }
  | { ok: false; failure: ConfirmFailure };

const num = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** Turns a refused or failed confirm into data (the server's message says what to do). */
function toFailure(error: unknown): ConfirmFailure {
  if (!(error instanceof ApiError) || error.status === 0) {
    return {
      kind: "network",
      message:
        "We couldn't confirm that the request went through. Try again — you won't be charged twice.",
    };
  }
  if (error.code === "insufficient_credits") {
    return {
      kind: "insufficient",
      missing: num(error.details?.missing) ?? 0,
      available: num(error.details?.available),
      price: num(error.details?.price),
      message: error.message,
    };
  }
  if (error.code === "rate_limited") {
    return {
      kind: "rate_limited",
      message: error.message,
      retryAfterSeconds: num(error.details?.retryAfterSeconds),
    };
  }
  return { kind: "rejected", code: error.code, message: errorMessage(error) };
}

/** Upload several files (or ZIPs) as one batch: one quote for all of them. */
export function useCreateBatch() {
  const refresh = useRefreshAfterMutation();
  return useMutation({
    mutationFn: (files: readonly File[]) => {
      const body = new FormData();
      for (const file of files) body.append("file", file, file.name);
      return fetchJson<BatchResponse>("/api/batches", { method: "POST", body });
    },
    onSuccess: () => refresh(),
  });
}

/**
 * Confirm a whole batch with one idempotency key. Never throws: a refusal (not enough credits,
 * rate limited) is an answer to show; its kind says whether the key may be reused.
 */
export function useConfirmBatch() {
  const refresh = useRefreshAfterMutation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      batchId,
      idempotencyKey,
      acknowledgeWarnings = false,
    }: {
      batchId: string;
      idempotencyKey: string;
      /** The user ticked "Analyze anyway" for the files that do not look like contracts. */
      acknowledgeWarnings?: boolean;
    }): Promise<BatchConfirmOutcome> => {
      try {
        const query = acknowledgeWarnings ? "?acknowledgeWarnings=true" : "";
        const { batch } = await fetchJson<BatchResponse>(
          `/api/batches/${encodeURIComponent(batchId)}/confirm${query}`,
          { method: "POST", headers: { "idempotency-key": idempotencyKey } },
        );
        return { ok: true, batch };
      } catch (error) {
        return { ok: false, failure: toFailure(error) };
      }
    },
    onSuccess: (outcome) => {
      if (outcome.ok) queryClient.setQueryData(queryKeys.batch(outcome.batch.id), outcome);
      refresh();
    },
  });
}
