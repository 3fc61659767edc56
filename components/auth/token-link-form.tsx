"use client";

import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { type ReactNode, useState } from "react";
import { postJson } from "@/components/auth/post-json";
import { errorMessage } from "@/components/fetch-json";
import { Notice } from "@/components/notice";

/**
 * The page a mailed link opens: it shows a button, and only the button's POST uses the token.
 * Mail scanners fetch links before people click them; a GET that used the token would spend it.
 */
export function TokenLinkForm<T>({
  token,
  endpoint,
  title,
  description,
  buttonLabel,
  success,
}: {
  token: string | null;
  endpoint: string;
  title: string;
  description: ReactNode;
  buttonLabel: string;
  success: (answer: T) => ReactNode;
}) {
  const [state, setState] = useState<
    | { kind: "idle" }
    | { kind: "busy" }
    | { kind: "done"; answer: T }
    | { kind: "failed"; message: string }
  >({ kind: "idle" });

  const submit = async () => {
    if (!token) return;
    setState({ kind: "busy" });
    try {
      setState({ kind: "done", answer: await postJson<T>(endpoint, { token }) });
    } catch (error) {
      setState({ kind: "failed", message: errorMessage(error) });
    }
  };

  return (
    <Stack spacing={2.5}>
      <div>
        <Typography variant="h4" component="h1">
          {title}
        </Typography>
        {state.kind !== "done" ? (
          <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5 }}>
            {description}
          </Typography>
        ) : null}
      </div>
      {!token ? (
        <Notice severity="error">
          This link is incomplete. Open the link from the mail again, or copy all of it.
        </Notice>
      ) : null}
      {state.kind === "failed" ? (
        <Notice severity="error" data-testid="token-link-error">
          {state.message}
        </Notice>
      ) : null}
      {state.kind === "done" ? (
        <Notice severity="success" data-testid="token-link-success">
          {success(state.answer)}
        </Notice>
      ) : (
        <Button
          variant="contained"
          size="large"
          fullWidth
          disabled={!token}
          loading={state.kind === "busy"}
          onClick={submit}
        >
          {buttonLabel}
        </Button>
      )}
      <Typography variant="body2" sx={{ color: "text.secondary", textAlign: "center" }}>
        <Link component={NextLink} href="/upload" sx={{ fontWeight: 600 }}>
          Go to Clauseflow
        </Link>
      </Typography>
    </Stack>
  );
}
