"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { CreditsResponse } from "@/components/api-types";
import { formatCredits } from "@/components/format";
import { Notice } from "@/components/notice";
import { queryKeys } from "@/components/query-keys";

/** How long after coming back from Checkout a purchase entry counts as the one just paid. */
const RECENT_MS = 15 * 60_000;
const POLL_MS = 2_000;
const GIVE_UP_MS = 3 * 60_000;

export type PurchaseReturn = "success" | "cancelled";

/**
 * What the user sees back from Stripe Checkout: after paying, that the credits are on their way —
 * polling the balance until the purchase lands (the webhook may be a few seconds behind the
 * redirect) — then that they have arrived; after cancelling, that nothing was charged.
 */
export function PurchaseReturnNotice({
  outcome,
  credits,
}: {
  outcome: PurchaseReturn;
  credits: CreditsResponse | undefined;
}) {
  const queryClient = useQueryClient();
  const [since] = useState(() => Date.now());
  const [dismissed, setDismissed] = useState(false);
  const landed = credits?.entries.find(
    (entry) => entry.kind === "purchase" && Date.parse(entry.createdAt) > since - RECENT_MS,
  );
  const waiting = outcome === "success" && !landed;

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      if (Date.now() - since > GIVE_UP_MS) return clearInterval(timer);
      void queryClient.invalidateQueries({ queryKey: queryKeys.credits });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, since, queryClient]);

  if (dismissed) return null;
  const onDismiss = () => setDismissed(true);
  if (outcome === "cancelled") {
    return (
      <Notice severity="info" sx={{ mb: 3 }} onDismiss={onDismiss} data-testid="purchase-notice">
        Checkout was cancelled. Nothing was charged — you can buy credits whenever you like.
      </Notice>
    );
  }
  if (landed) {
    return (
      <Notice
        severity="success"
        title="Credits added"
        sx={{ mb: 3 }}
        onDismiss={onDismiss}
        data-testid="purchase-notice"
      >
        Thank you! {formatCredits(landed.amount)} were added to your balance.
      </Notice>
    );
  }
  return (
    <Notice
      severity="info"
      title="Payment received"
      sx={{ mb: 3 }}
      onDismiss={onDismiss}
      data-testid="purchase-notice"
    >
      Your credits will appear here in a moment, as soon as Stripe confirms the payment. If they
      haven't after a few minutes, contact us — you are never charged twice.
    </Notice>
  );
}
