"use client";

import { TokenLinkForm } from "@/components/auth/token-link-form";

export function ConfirmEmailForm({ token }: { token: string | null }) {
  return (
    <TokenLinkForm<{ email: string }>
      token={token}
      endpoint="/api/auth/email-change/confirm"
      title="Confirm your new e-mail"
      description="Your account's e-mail changes to this address when you confirm. From then on, sign in with it."
      buttonLabel="Confirm my new e-mail"
      success={(answer) =>
        `Your account's e-mail is now ${answer.email}. Sign in with it from now on.`
      }
    />
  );
}
