"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import {
  type FinishNotice,
  finishNoticeFor,
  tabTitleFor,
} from "@/components/analyses/analysis-copy";
import { useCancelAnalysis } from "@/components/analyses/use-analysis-mutations";
import type { AnalysisResponse, CancelAnswer } from "@/components/api-types";
import { ApiError, errorMessage, fetchJson } from "@/components/fetch-json";
import { notifyAnalysisFinished } from "@/components/notifications/browser-notifications";
import { isDocumentHidden, POLL, queryKeys } from "@/components/query-keys";
import { useDocumentHidden } from "@/components/use-document-visibility";
import { type AnalysisStatus, isTerminal } from "@/lib/analyses/analysis-status";

/** A quote changes only when it expires or is confirmed elsewhere: no need to poll it fast. */
const QUOTED_POLL_MS = 10_000;

/** One analysis, polled until it is done (slower while the tab is hidden). */
export function useAnalysisQuery(id: string) {
  useDocumentHidden();
  return useQuery({
    queryKey: queryKeys.analysis(id),
    queryFn: ({ signal }) =>
      fetchJson<AnalysisResponse>(`/api/analyses/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (q) => {
      const status = q.state.data?.analysis.status;
      if (!status || isTerminal(status)) return false;
      if (isDocumentHidden()) return POLL.hiddenMs;
      return status === "quoted" ? QUOTED_POLL_MS : POLL.detailMs;
    },
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
  });
}

/**
 * Everything the analysis page does besides drawing: polling, the notice when the analysis
 * finishes while the user watches, the tab title, and the cancel flow (dialog, mutation, error).
 */
export function useAnalysisDetail(id: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const query = useAnalysisQuery(id);
  const analysis = query.data?.analysis;

  const [notice, setNotice] = useState<FinishNotice | null>(null);
  const previousStatus = useRef<AnalysisStatus | null>(null);
  // Tell the user when the analysis finishes while they're looking (not when they arrive).
  const status = analysis?.status;
  useEffect(() => {
    if (!status || !analysis) return;
    const previous = previousStatus.current;
    previousStatus.current = status;
    if (previous && previous !== status && !isTerminal(previous) && isTerminal(status)) {
      setNotice(finishNoticeFor(analysis));
      // In a background tab the in-app notice goes unseen: the browser says it (if allowed).
      notifyAnalysisFinished(analysis, (href) => router.push(href));
      // Capture or release just changed the balance and the list.
      void queryClient.invalidateQueries({ queryKey: queryKeys.credits });
      void queryClient.invalidateQueries({ queryKey: queryKeys.analysesList });
    }
  }, [status, analysis, queryClient, router]);

  const tabTitle = analysis ? tabTitleFor(analysis) : null;
  useEffect(() => {
    if (tabTitle) document.title = `${tabTitle} — Clauseflow`;
  }, [tabTitle]);

  const cancel = useCancelAnalysis();
  const [cancelOpen, setCancelOpen] = useState(false);
  // A cancel that arrived after the end: the dialog says how it ended instead of closing.
  const [cancelAnswer, setCancelAnswer] = useState<CancelAnswer | null>(null);
  const confirmCancel = () => {
    if (!analysis) return;
    cancel.mutate(analysis.id, {
      onSuccess: ({ cancel: answer }) => {
        if (answer.outcome === "cancelled" || answer.outcome === "stop_requested") {
          setCancelOpen(false);
        } else {
          setCancelAnswer(answer);
        }
      },
      onError: (error) => {
        // A refusal closes the dialog (the page shows where the analysis is now); after a
        // network error it stays open so the user can try again.
        if (error instanceof ApiError && error.code !== "network") setCancelOpen(false);
      },
    });
  };

  return {
    query,
    analysis,
    notice,
    dismissNotice: () => setNotice(null),
    cancel: {
      open: cancelOpen,
      answer: cancelAnswer,
      pending: cancel.isPending,
      error: cancel.error ? errorMessage(cancel.error) : null,
      openDialog: () => {
        setCancelAnswer(null);
        setCancelOpen(true);
      },
      closeDialog: () => setCancelOpen(false),
      confirm: confirmCancel,
      dismissError: () => cancel.reset(),
    },
  };
}
