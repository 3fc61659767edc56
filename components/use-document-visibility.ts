"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}

/**
 * True while the tab is hidden. Components that compute a polling interval from
 * `document.visibilityState` read this so they re-render (and React Query re-evaluates the
 * interval) the moment the tab is hidden or shown, not only after the next fetch.
 */
export function useDocumentHidden(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.visibilityState === "hidden",
    () => false,
  );
}
