"use client";

import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";

export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Alert severity="error" variant="outlined">
        <AlertTitle>This page couldn't be loaded</AlertTitle>
        Something went wrong on our side. Your analyses and credits are safe — try again, or come
        back in a moment.
        {digest ? ` (Reference: ${digest})` : null}
      </Alert>
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
