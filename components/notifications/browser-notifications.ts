"use client";

import { type FinishedAnalysis, finishNoticeFor } from "@/components/analyses/analysis-copy";

/** Where a "no thanks" to the notification prompt is remembered (this browser only). */
export const NOTIFY_PROMPT_DISMISSED_KEY = "clauseflow.notify-prompt-dismissed";

/** The browser has the Web Notifications API (not every one does: iOS Safari outside the home screen). */
export function notificationsSupported(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

/** Whether to offer the prompt: the API exists, nobody decided yet, and no "no thanks" here. */
export function shouldOfferNotifications(): boolean {
  if (!notificationsSupported() || Notification.permission !== "default") return false;
  try {
    return window.localStorage.getItem(NOTIFY_PROMPT_DISMISSED_KEY) === null;
  } catch {
    return false; // storage blocked: do not nag on every page
  }
}

export function rememberNotificationsDeclined(): void {
  try {
    window.localStorage.setItem(NOTIFY_PROMPT_DISMISSED_KEY, new Date().toISOString());
  } catch {
    // Storage blocked: the prompt comes back next time; nothing else to do.
  }
}

/**
 * A browser notification that an analysis finished, only while this tab is in the background
 * (in front, the in-app notice says it) and only with permission. Clicking it brings the tab
 * forward and opens the analysis. Returns whether one was shown.
 */
export function notifyAnalysisFinished(
  analysis: FinishedAnalysis,
  open: (href: string) => void,
): boolean {
  if (!notificationsSupported() || Notification.permission !== "granted") return false;
  if (document.visibilityState !== "hidden") return false;
  const notice = finishNoticeFor(analysis);
  if (!notice) return false;
  const href = `/analyses/${analysis.id}`;
  try {
    const notification = new Notification(notice.message, {
      body:
        analysis.status === "succeeded"
          ? `${analysis.documentName}: open the memo.`
          : `${analysis.documentName}: see what happened.`,
      // One per analysis: two tabs watching it replace each other's instead of stacking.
      tag: `analysis-${analysis.id}`,
      icon: "/brand/icon-192.png",
    });
    notification.onclick = () => {
      window.focus();
      open(href);
      notification.close();
    };
    return true;
  } catch {
    // Chrome on Android throws on `new Notification` (service-worker notifications only).
    return false;
  }
}
