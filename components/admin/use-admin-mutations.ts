"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { CreditChangeRequest, CreditChangeResponse } from "@/components/api-types";
import { fetchJson } from "@/components/fetch-json";
import { queryKeys } from "@/components/query-keys";

/** What admins change lands in the audit log and every admin screen: refresh them all. */
function useInvalidateAdmin() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.adminAll });
}

function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetchJson<T>(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/**
 * Start a new analysis of a failed one's document (free unless `charge`) and open it. Takes the
 * reason as its only variable, like every action confirmed in a `ReasonDialog`.
 */
export function useRetryAnalysis(analysisId: string, { charge }: { charge: boolean }) {
  const invalidateAdmin = useInvalidateAdmin();
  const router = useRouter();
  return useMutation({
    mutationFn: (reason: string) =>
      postJson<{ analysisId: string }>(`/api/admin/analyses/${analysisId}/retry`, {
        reason,
        charge,
      }),
    onSuccess: (result) => {
      void invalidateAdmin();
      router.push(`/admin/analyses/${result.analysisId}`);
    },
  });
}

/** Cancel any user's active analysis, with a reason for the audit log. */
export function useAdminCancelAnalysis(analysisId: string) {
  const invalidateAdmin = useInvalidateAdmin();
  return useMutation({
    mutationFn: (reason: string) =>
      postJson<unknown>(`/api/admin/analyses/${analysisId}/cancel`, { reason }),
    onSuccess: () => invalidateAdmin(),
  });
}

/** Disable (`disabled: true`) or re-enable an account; the reason is the variable. `onDone`
 *  runs after the server has applied it (with the new state). */
export function useSetUserDisabled(
  userId: string,
  { disabled, onDone }: { disabled: boolean; onDone?: (disabled: boolean) => void },
) {
  const invalidateAdmin = useInvalidateAdmin();
  const router = useRouter();
  return useMutation({
    mutationFn: (reason: string) =>
      postJson<unknown>(`/api/admin/users/${encodeURIComponent(userId)}/disable`, {
        disabled,
        reason,
      }),
    onSuccess: () => {
      void invalidateAdmin();
      router.refresh(); // the account state comes from the server component
      onDone?.(disabled);
    },
  });
}

/**
 * Grant or adjust a user's credits. The idempotency key travels with each call: the caller keeps
 * it across retries so a change that did land (network error) is answered as a replay.
 */
export function useChangeCredits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      userId,
      body,
      idempotencyKey,
    }: {
      userId: string;
      body: CreditChangeRequest;
      idempotencyKey: string;
    }) =>
      postJson<CreditChangeResponse>(
        `/api/admin/users/${encodeURIComponent(userId)}/credits`,
        body,
        { "idempotency-key": idempotencyKey },
      ),
    onSuccess: (_result, { userId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminUsersList });
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminUserCredits(userId) });
      // Cheap, and right when an admin adjusts their own account: the header badge updates.
      void queryClient.invalidateQueries({ queryKey: queryKeys.credits });
    },
  });
}

/**
 * Set a user's own limit of analyses at once (`null`: back to the default), with a reason. The
 * limit travels with the reason, so the dialog's choice at the click is what is sent.
 */
export function useSetUserActiveLimit(
  userId: string,
  { onDone }: { onDone?: (effectiveLimit: number | null) => void } = {},
) {
  const invalidateAdmin = useInvalidateAdmin();
  const router = useRouter();
  return useMutation({
    mutationFn: ({ limit, reason }: { limit: number | null; reason: string }) =>
      fetchJson<{ effectiveLimit: number | null }>(
        `/api/admin/users/${encodeURIComponent(userId)}/active-limit`,
        {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ limit, reason }),
        },
      ),
    onSuccess: (result) => {
      void invalidateAdmin();
      router.refresh(); // the limit comes from the server component
      onDone?.(result.effectiveLimit);
    },
  });
}
