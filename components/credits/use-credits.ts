"use client";

import { useQuery } from "@tanstack/react-query";
import type { CreditsResponse } from "@/components/api-types";
import { fetchJson } from "@/components/fetch-json";
import { POLL, queryKeys } from "@/components/query-keys";

/** The signed-in user's balance and ledger; shared by the header, upload cards and /credits. */
export function useCredits() {
  return useQuery({
    queryKey: queryKeys.credits,
    queryFn: ({ signal }) => fetchJson<CreditsResponse>("/api/me/credits", { signal }),
    refetchInterval: POLL.creditsMs,
    refetchOnWindowFocus: true,
  });
}
