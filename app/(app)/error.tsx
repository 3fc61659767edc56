"use client";

import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { Notice } from "@/components/notice";

export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Notice severity="error" variant="outlined" title="This page couldn't be loaded">
        Something went wrong on our side. Your analyses and credits are safe — try again, or come
        back in a moment.
        {digest ? ` (Reference: ${digest})` : null}
      </Notice>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => retry()}>
          Try again
        </Button>
        <Button href="/analyses" variant="outlined">
          My analyses
        </Button>
      </Stack>
    </Stack>
  );
}
