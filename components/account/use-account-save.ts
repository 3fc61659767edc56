"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, errorMessage } from "@/components/fetch-json";

export type SaveState =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "saved"; message: string }
  | { kind: "failed"; message: string; fields: Record<string, string> };

/**
 * A card's save: runs the request, keeps its outcome (with the server's per-field messages) for
 * the card to show, and refreshes the page's server data (header name, banner) on success.
 */
export function useAccountSave() {
  const router = useRouter();
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const save = async (run: () => Promise<string>): Promise<boolean> => {
    setState({ kind: "busy" });
    try {
      const message = await run();
      setState({ kind: "saved", message });
      router.refresh();
      return true;
    } catch (error) {
      const raw = error instanceof ApiError ? error.details?.fieldErrors : undefined;
      const fields: Record<string, string> = {};
      if (raw && typeof raw === "object") {
        for (const [key, value] of Object.entries(raw)) fields[key] = String(value);
      }
      setState({ kind: "failed", message: errorMessage(error), fields });
      return false;
    }
  };
  return { state, save, busy: state.kind === "busy" };
}
