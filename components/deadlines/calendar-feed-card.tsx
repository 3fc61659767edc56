"use client";

import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, fetchJson, fetchNoContent } from "@/components/fetch-json";
import { Notice } from "@/components/notice";
import { queryKeys } from "@/components/query-keys";

/**
 * The private calendar (ICS) link: create or replace it, copy it once, or turn it off. Only
 * the link's hash is stored, so the link is shown right after it is made and never again.
 */
export function CalendarFeedCard({ active }: { active: boolean }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.deadlines });

  const rotate = useMutation({
    mutationFn: () => fetchJson<{ url: string }>("/api/calendar/token", { method: "POST" }),
    onSuccess: (answer) => {
      setUrl(answer.url);
      setCopied(null);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => fetchNoContent("/api/calendar/token", { method: "DELETE" }),
    onSuccess: () => {
      setUrl(null);
      void refresh();
    },
  });

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };

  const error = rotate.error ?? revoke.error;
  return (
    <Card variant="outlined" component="section" aria-labelledby="calendar-heading">
      <CardContent>
        <Typography id="calendar-heading" variant="h6" component="h2" gutterBottom>
          Calendar feed
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Subscribe to your deadlines in Google Calendar, Outlook or Apple Calendar: each notice
          deadline and contract end becomes an all-day event that updates as you analyse contracts.
          The link is private — anyone who has it can see these dates, so treat it like a password.
        </Typography>
        {url ? (
          <Box sx={{ mb: 2 }}>
            <Notice severity="success" title="Your calendar link" sx={{ mb: 2 }}>
              Copy it now and paste it into your calendar app (“Subscribe from URL” / “From
              internet”). For your security we keep only a fingerprint of it, so this link can't be
              shown again — if you lose it, create a new one.
            </Notice>
            <Box sx={{ display: "flex", gap: 1, flexDirection: { xs: "column", sm: "row" } }}>
              <TextField
                label="Calendar link"
                value={url}
                fullWidth
                size="small"
                slotProps={{ htmlInput: { readOnly: true, "data-testid": "calendar-url" } }}
                onFocus={(event) => event.target.select()}
              />
              <Button variant="contained" onClick={copy} sx={{ flexShrink: 0 }}>
                Copy link
              </Button>
            </Box>
            <Typography role="status" variant="body2" sx={{ mt: 1, minHeight: "1.5em" }}>
              {copied === "copied" ? "Copied to the clipboard." : null}
              {copied === "failed"
                ? "Couldn't copy automatically: select the link and copy it."
                : null}
            </Typography>
          </Box>
        ) : active ? (
          <Typography variant="body2" sx={{ mb: 2 }}>
            Your calendar link is active. It can't be shown again; if you need it, create a new one
            (the old link then stops working).
          </Typography>
        ) : null}
        {error ? (
          <Notice severity="error" sx={{ mb: 2 }}>
            {errorMessage(error)}
          </Notice>
        ) : null}
        <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1 }}>
          <Button
            variant={url ? "outlined" : "contained"}
            onClick={() => rotate.mutate()}
            loading={rotate.isPending}
          >
            {active || url ? "Create a new link" : "Create calendar link"}
          </Button>
          {active || url ? (
            <Button color="error" onClick={() => revoke.mutate()} loading={revoke.isPending}>
              Turn off the feed
            </Button>
          ) : null}
        </Box>
        {active || url ? (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            Creating a new link or turning the feed off revokes the current link: calendars
            subscribed to it stop updating.
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
}
