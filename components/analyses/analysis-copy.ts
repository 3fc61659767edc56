/**
 * What the analysis page says about an analysis, as plain strings (no React), so the wording can
 * be unit-tested: the tab title, the outcome panel, and the notice shown when it finishes.
 */

import { clampPercent } from "@/components/analyses/progress";
import type { AnalysisView } from "@/components/api-types";
import { formatCredits } from "@/components/format";
import type { NoticeSeverity } from "@/components/notice";

export function releasedText(credits: number): string {
  return credits === 1
    ? "your 1 credit was released"
    : `your ${formatCredits(credits)} were released`;
}

/** The browser tab's title for each status ("Analyzing 40%", "✓ Memo ready"). */
export function tabTitleFor(a: AnalysisView): string {
  switch (a.status) {
    case "quoted":
      return "Awaiting confirmation";
    case "queued":
      return a.cancelRequested ? "Cancelling…" : "Queued";
    case "running":
      return a.cancelRequested ? "Cancelling…" : `Analyzing ${clampPercent(a.progress.percent)}%`;
    case "succeeded":
      return "✓ Memo ready";
    case "failed":
      return "✗ Failed";
    case "cancelled":
      return "Cancelled";
    case "expired":
      return "Quote expired";
  }
}

const SAYS_NOTHING_CHARGED = /nothing was charged/i;

/**
 * The failed outcome: the server's message (every failure message from the worker already ends
 * with "Nothing was charged") and a note about the credits that does not say it a second time.
 */
export function failedOutcomeText(a: Pick<AnalysisView, "error">): {
  message: string;
  creditsNote: string;
} {
  const message = a.error?.message ?? "Something went wrong while analyzing this document.";
  return {
    message,
    creditsNote: SAYS_NOTHING_CHARGED.test(message)
      ? "Your credits were released."
      : "Nothing was charged — your credits were released.",
  };
}

export type FinishNotice = {
  severity: Exclude<NoticeSeverity, "warning">;
  message: string;
  /** Offer a link to the memo below. */
  viewMemo: boolean;
};

/** The notice shown when an analysis finishes while the user watches; null while it is not done. */
export function finishNoticeFor(a: AnalysisView): FinishNotice | null {
  switch (a.status) {
    case "succeeded":
      return { severity: "success", message: "Your memo is ready.", viewMemo: true };
    case "failed":
      return {
        severity: "error",
        // The server's message already says that nothing was charged; don't add it again.
        message: a.error?.message ?? "The analysis failed. Nothing was charged.",
        viewMemo: false,
      };
    case "cancelled":
      return {
        severity: "info",
        message: `Cancelled — ${releasedText(a.priceCredits)}.`,
        viewMemo: false,
      };
    case "expired":
      return {
        severity: "info",
        message: "This quote expired before it was confirmed.",
        viewMemo: false,
      };
    default:
      return null;
  }
}

/** "starts in under a minute", "starts in about 3 min", "starts in about 2 h". */
export function startsInText(seconds: number): string {
  if (seconds < 60) return "starts in under a minute";
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `starts in about ${minutes} min`;
  return `starts in about ${Math.round(minutes / 60)} h`;
}

/**
 * Where a queued analysis stands: "Waiting for a free worker · 2 of yours ahead · starts in
 * about 1 min". Without an estimate it says why instead of guessing. No closing full stop: the
 * page goes on after it.
 */
export function queueText(queue: AnalysisView["queue"]): string | null {
  if (!queue) return null;
  if (queue.basis === "no_worker") {
    return "No worker is running right now; it will start when one is";
  }
  const parts = ["Waiting for a free worker"];
  if (queue.yoursAhead > 0) parts.push(`${queue.yoursAhead} of yours ahead`);
  parts.push(
    queue.startsInSeconds === null ? "no time estimate yet" : startsInText(queue.startsInSeconds),
  );
  return parts.join(" · ");
}
