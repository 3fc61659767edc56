"use client";

import { useState } from "react";
import {
  type CreditChangeDraft,
  type CreditChangeTarget,
  creditChangeSuccessMessage,
  EMPTY_DRAFT,
  isDebitDraft,
  isReasonValid,
  parseAmount,
  toCreditChangeRequest,
} from "@/components/admin/credit-change";
import { useChangeCredits } from "@/components/admin/use-admin-mutations";
import { newIdempotencyKey } from "@/components/analyses/idempotency";
import { errorMessage } from "@/components/fetch-json";

/**
 * State and submission of the credit-change dialog. One idempotency key per opening: a double
 * click, or a retry after a network error, can never apply the change twice (the server answers
 * a repeat as a replay). The success message outlives the dialog, so it lives here.
 */
export function useCreditChangeForm({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: CreditChangeTarget | null;
  onClose: () => void;
}) {
  const change = useChangeCredits();
  const [draft, setDraft] = useState<CreditChangeDraft>(EMPTY_DRAFT);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [notice, setNotice] = useState<string | null>(null);

  // A fresh form and a fresh key each time the dialog opens (state adjusted during render).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setDraft(EMPTY_DRAFT);
      setIdempotencyKey(newIdempotencyKey());
    }
  }

  const amount = parseAmount(draft.amount);
  const available = user?.available;
  const valid = user !== null && amount !== null && isReasonValid(draft.reason);
  const overdraw =
    isDebitDraft(draft) && amount !== null && available !== undefined && amount > available;
  const pending = change.isPending;

  const update = (patch: Partial<CreditChangeDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    change.reset(); // the last error was about the previous draft
  };

  const close = () => {
    if (pending) return;
    change.reset();
    onClose();
  };

  const submit = () => {
    if (pending || !valid || user === null || amount === null) return;
    const sent = draft;
    // On error the key is kept: if the request did land (network error), a retry is a replay.
    change.mutate(
      { userId: user.id, body: toCreditChangeRequest(sent, amount), idempotencyKey },
      {
        onSuccess: (result) => {
          setNotice(creditChangeSuccessMessage(sent, amount, user.email, result));
          change.reset();
          onClose();
        },
      },
    );
  };

  return {
    draft,
    update,
    amount,
    available,
    valid,
    overdraw,
    pending,
    error: change.error ? errorMessage(change.error) : null,
    submit,
    close,
    notice,
    dismissNotice: () => setNotice(null),
  };
}
