"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { confirmAnalysisAction } from "@/app/actions/analyses";
import type { AnalysisView } from "@/components/api-types";
import { formatNumber } from "@/components/format";
import { queryKeys } from "@/components/query-keys";

export type ConfirmFailure =
  | {
      kind: "insufficient";
      missing: number;
      available: number | null;
      price: number | null;
      message: string;
    }
  | { kind: "rejected"; code: string; message: string; details?: Record<string, unknown> }
  /** Too many confirms in a short time: the message says how long to wait; nothing was charged. */
  | { kind: "rate_limited"; message: string; retryAfterSeconds: number | null }
  /** We don't know whether the server got it: retry with the same idempotency key. */
  | { kind: "network"; message: string };

/** What the user chose explicitly on a quote with a duplicate or a not-a-contract warning. */
export type ConfirmFlags = { rerun?: boolean; acknowledgeWarning?: boolean };

export type ConfirmOutcome =
  | { ok: true; analysis: AnalysisView }
  | { ok: false; failure: ConfirmFailure };

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** "You need 3 more credits to run this analysis." */
export function insufficientMessage(missing: number): string {
  return `You need ${formatNumber(missing)} more ${missing === 1 ? "credit" : "credits"} to run this analysis.`;
}

/** Calls the confirm server action and turns every outcome into data (never throws). */
export async function confirmAnalysis(
  documentId: string,
  idempotencyKey: string,
  flags: ConfirmFlags = {},
): Promise<ConfirmOutcome> {
  try {
    const result = await confirmAnalysisAction({ documentId, idempotencyKey, ...flags });
    if (result.ok) return { ok: true, analysis: result.analysis };
    const { code, message, details } = result.error;
    if (code === "insufficient_credits") {
      const missing = num(details?.missing);
      const available = num(details?.available);
      const price = num(details?.price);
      const gap = missing ?? (price !== null && available !== null ? price - available : null);
      return {
        ok: false,
        failure: {
          kind: "insufficient",
          missing: gap ?? 0,
          available,
          price,
          message: gap !== null ? insufficientMessage(gap) : message,
        },
      };
    }
    if (code === "rate_limited") {
      const retryAfterSeconds = num(details?.retryAfterSeconds);
      return { ok: false, failure: { kind: "rate_limited", message, retryAfterSeconds } };
    }
    return {
      ok: false,
      failure: { kind: "rejected", code, message, ...(details ? { details } : {}) },
    };
  } catch {
    return {
      ok: false,
      failure: {
        kind: "network",
        message:
          "We couldn't confirm that the request went through. Try again — you won't be charged twice.",
      },
    };
  }
}

/** Refresh everything a confirm or cancel changes: balances, lists, and the analysis itself. */
export function useRefreshAfterMutation() {
  const queryClient = useQueryClient();
  return useCallback(
    (analysis?: AnalysisView) => {
      if (analysis) queryClient.setQueryData(queryKeys.analysis(analysis.id), { analysis });
      void queryClient.invalidateQueries({ queryKey: queryKeys.credits });
      void queryClient.invalidateQueries({ queryKey: queryKeys.analysesList });
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin });
    },
    [queryClient],
  );
}
