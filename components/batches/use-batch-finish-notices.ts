"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type FinishNotice, finishNoticeFor } from "@/components/analyses/analysis-copy";
import type { BatchView } from "@/components/api-types";
import { notifyAnalysisFinished } from "@/components/notifications/browser-notifications";
import { queryKeys } from "@/components/query-keys";
import { type AnalysisStatus, isTerminal } from "@/lib/analyses/analysis-status";

/**
 * The batch page's notices: when one of its contracts finishes while the page watches, an
 * in-app notice naming it (the latest one wins) and, in a background tab, a browser
 * notification per contract. Not for those already finished when the page opened.
 */
export function useBatchFinishNotices(batch: BatchView | undefined) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const seen = useRef(new Map<string, AnalysisStatus>());
  const [notice, setNotice] = useState<(FinishNotice & { analysisId: string }) | null>(null);
  useEffect(() => {
    if (!batch) return;
    let finished = 0;
    for (const file of batch.files) {
      const before = seen.current.get(file.analysisId);
      seen.current.set(file.analysisId, file.status);
      if (!before || isTerminal(before) || !isTerminal(file.status)) continue;
      const analysis = {
        id: file.analysisId,
        documentName: file.documentName,
        status: file.status,
        priceCredits: file.priceCredits,
        cancelRequested: false,
      };
      const next = finishNoticeFor(analysis);
      if (next) setNotice({ ...next, analysisId: file.analysisId });
      notifyAnalysisFinished(analysis, (href) => router.push(href));
      finished++;
    }
    if (finished > 0) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.credits });
      void queryClient.invalidateQueries({ queryKey: queryKeys.analysesList });
    }
  }, [batch, router, queryClient]);
  return { notice, dismissNotice: () => setNotice(null) };
}
