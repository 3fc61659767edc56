"use client";

import type { SaveState } from "@/components/account/use-account-save";
import { Notice } from "@/components/notice";

/** A card's last save, said in words (success or the server's message). */
export function SaveOutcome({ state, testId }: { state: SaveState; testId: string }) {
  if (state.kind === "saved") {
    return (
      <Notice severity="success" data-testid={`${testId}-saved`}>
        {state.message}
      </Notice>
    );
  }
  if (state.kind === "failed") {
    return (
      <Notice severity="error" data-testid={`${testId}-error`}>
        {state.message}
      </Notice>
    );
  }
  return null;
}
