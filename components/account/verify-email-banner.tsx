"use client";

import Button from "@mui/material/Button";
import { useState } from "react";
import { postJson } from "@/components/auth/post-json";
import { errorMessage } from "@/components/fetch-json";
import { formatNumber } from "@/components/format";
import { Notice } from "@/components/notice";

/**
 * Shown on every signed-in page until the e-mail is verified: where the link went, what it
 * gives, and "Resend" for a lost or expired one.
 */
export function VerifyEmailBanner({
  email,
  grantCredits,
}: {
  email: string;
  grantCredits: number;
}) {
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "busy" } | { kind: "sent" } | { kind: "failed"; message: string }
  >({ kind: "idle" });

  const resend = async () => {
    setState({ kind: "busy" });
    try {
      await postJson("/api/auth/verify-email/resend");
      setState({ kind: "sent" });
    } catch (error) {
      setState({ kind: "failed", message: errorMessage(error) });
    }
  };

  return (
    <Notice
      severity={state.kind === "failed" ? "error" : "info"}
      title={
        grantCredits > 0
          ? `Verify your e-mail to get your ${formatNumber(grantCredits)} free ${grantCredits === 1 ? "credit" : "credits"}`
          : "Verify your e-mail"
      }
      data-testid="verify-email-banner"
      sx={{ mb: 3 }}
      action={
        state.kind === "sent" ? undefined : (
          <Button color="inherit" size="small" onClick={resend} loading={state.kind === "busy"}>
            Resend
          </Button>
        )
      }
    >
      {state.kind === "sent"
        ? `A new link is on its way to ${email}. Earlier links no longer work.`
        : state.kind === "failed"
          ? state.message
          : `We sent a link to ${email}. Check your inbox (and the spam folder) and open it.`}
    </Notice>
  );
}
