"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while React hydrates server HTML (and on the server), true from then on. A component that
 * reads a query another component may already have filled (the header's balance) must render what
 * the server rendered until hydration is over, or React throws away the page (error #418).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
