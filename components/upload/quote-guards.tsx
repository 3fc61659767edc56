"use client";

import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import Stack from "@mui/material/Stack";
import NextLink from "next/link";
import type { Quote } from "@/components/api-types";
import { formatDateTime } from "@/components/format";
import { Notice } from "@/components/notice";

/** The quote already has a memo (or a run) of the same file: re-running must be chosen. */
export function hasEarlierAnalysis(quote: Quote): boolean {
  return quote.duplicateOf !== null || quote.inProgress !== null;
}

/**
 * What the quote warns about before anything is paid (issue 19 part 6): a memo of the same file
 * already exists (open it for free — the primary action), the same file is being analysed right
 * now, or the document does not look like a contract (the confirm waits for "Analyze anyway").
 */
export function QuoteGuardNotices({
  quote,
  acknowledged,
  onAcknowledgedChange,
}: {
  quote: Quote;
  acknowledged: boolean;
  onAcknowledgedChange: (acknowledged: boolean) => void;
}) {
  return (
    <Stack spacing={1.5} sx={{ mb: 2 }}>
      {quote.duplicateOf ? (
        <Notice
          severity="info"
          title="You already analyzed this file"
          data-testid="duplicate-offer"
          action={
            <Button
              component={NextLink}
              href={`/analyses/${quote.duplicateOf.analysisId}`}
              variant="contained"
              size="small"
              sx={{ whiteSpace: "nowrap" }}
              data-testid="open-existing-memo"
            >
              Open the existing memo (free)
            </Button>
          }
        >
          Its memo from {formatDateTime(quote.duplicateOf.finishedAt)} is ready at no cost. Analyze
          again only if you want a new memo — that is charged.
        </Notice>
      ) : null}
      {quote.inProgress ? (
        <Notice
          severity="info"
          title="This file is already being analyzed"
          data-testid="in-progress-offer"
          action={
            <Button
              component={NextLink}
              href={`/analyses/${quote.inProgress.analysisId}`}
              variant="contained"
              size="small"
              sx={{ whiteSpace: "nowrap" }}
            >
              Open that analysis
            </Button>
          }
        >
          You uploaded the same file moments ago and its analysis is{" "}
          {quote.inProgress.status === "queued" ? "waiting to start" : "running"}. Its memo will be
          there; analyzing again is charged again.
        </Notice>
      ) : null}
      {quote.warning === "not_a_contract" ? (
        <Notice
          severity="warning"
          title="This does not look like a contract"
          data-testid="not-a-contract-warning"
        >
          It has {quote.words === 1 ? "1 word" : `${quote.words} words`} and little or no contract
          language (parties, terms, obligations), so the memo would likely be mostly empty.
          <FormControlLabel
            sx={{ display: "flex", mt: 1 }}
            control={
              <Checkbox
                checked={acknowledged}
                onChange={(event) => onAcknowledgedChange(event.target.checked)}
                data-testid="acknowledge-warning"
              />
            }
            label="Analyze anyway — I understand it is charged"
          />
        </Notice>
      ) : null}
    </Stack>
  );
}
