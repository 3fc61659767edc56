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

/** What the finish notices need of an analysis (a batch's row has as much). */
export type FinishedAnalysis = Pick<
  AnalysisView,
  "id" | "documentName" | "status" | "priceCredits" | "cancelRequested"
>;

export type FinishNotice = {
  severity: Exclude<NoticeSeverity, "warning">;
  message: string;
  /** Offer a link to the memo below. */
  viewMemo: boolean;
};

/**
 * A cancel the worker never saw: the analysis succeeded (and was charged) before it got there.
 * Said on the page and in the notice, so a user who asked to cancel is not left guessing.
 */
export function finishedBeforeCancelText(a: Pick<AnalysisView, "priceCredits">): string {
  return `It finished before your cancel reached it: the memo is ready and ${formatCredits(a.priceCredits)} ${a.priceCredits === 1 ? "was" : "were"} charged.`;
}

/** Who cancelled and what happened to the credits ("Cancelled by our team: <reason>. …"). */
export function cancelledOutcomeText(
  a: Pick<AnalysisView, "priceCredits" | "cancelledBy" | "cancelReason">,
): string {
  const released = releasedText(a.priceCredits);
  const credits = `${released.charAt(0).toUpperCase()}${released.slice(1)}`;
  if (a.cancelledBy === "admin") {
    const reason = a.cancelReason ? `: ${a.cancelReason.replace(/[.\s]+$/, "")}` : "";
    return `Cancelled by our team${reason}. ${credits}.`;
  }
  return `Cancelled by you. Nothing was charged — ${released}.`;
}

/**
 * The notice shown when an analysis finishes while the user watches (here and on the upload
 * page); null while it is not done. It names the document and says the outcome in one line:
 * the details are in the outcome panel, not repeated here.
 */
export function finishNoticeFor(a: FinishedAnalysis): FinishNotice | null {
  const name = a.documentName;
  switch (a.status) {
    case "succeeded":
      return {
        severity: "success",
        message: a.cancelRequested
          ? `Memo ready: ${name}. ${finishedBeforeCancelText(a)}`
          : `Memo ready: ${name}`,
        viewMemo: true,
      };
    case "failed":
      return {
        severity: "error",
        message: `Analysis failed: ${name} — credits released`,
        viewMemo: false,
      };
    case "cancelled":
      return {
        severity: "info",
        message: `Cancelled: ${name} — ${releasedText(a.priceCredits)}`,
        viewMemo: false,
      };
    case "expired":
      return {
        severity: "info",
        message: `Quote expired: ${name}`,
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
