"use client";

import type { AccountView } from "@/components/account/account-view";

/** Placeholder: filled in by the account work of issue 18. */
export function DeleteAccountCard(_props: { account: AccountView }) {
  return null;
}
