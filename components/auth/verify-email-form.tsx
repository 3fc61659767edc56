"use client";

import { TokenLinkForm } from "@/components/auth/token-link-form";
import { formatCredits } from "@/components/format";

type Answer = { email: string; granted: number; alreadyVerified: boolean };

export function VerifyEmailForm({
  token,
  grantCredits,
}: {
  token: string | null;
  grantCredits: number;
}) {
  return (
    <TokenLinkForm<Answer>
      token={token}
      endpoint="/api/auth/verify-email"
      title="Verify your e-mail"
      description={
        grantCredits > 0
          ? `Confirm this is your address and ${formatCredits(grantCredits)} are added to your account.`
          : "Confirm this is your address."
      }
      buttonLabel="Verify my e-mail"
      success={(answer) =>
        answer.alreadyVerified
          ? `${answer.email} was already verified.`
          : answer.granted > 0
            ? `${answer.email} is verified. ${formatCredits(answer.granted)} were added to your account.`
            : `${answer.email} is verified.`
      }
    />
  );
}
