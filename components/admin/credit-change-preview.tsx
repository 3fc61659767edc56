"use client";

import Box from "@mui/material/Box";
import { alpha } from "@mui/material/styles";
import Typography from "@mui/material/Typography";
import {
  type CreditChangeDraft,
  type CreditChangeTarget,
  creditChangeSummary,
} from "@/components/admin/credit-change";

/** "Grant 15 credits to ada@example.com — available 12 → 27", announced as the form changes. */
export function CreditChangePreview({
  id,
  draft,
  amount,
  user,
  overdraw,
}: {
  id: string;
  draft: CreditChangeDraft;
  amount: number | null;
  user: CreditChangeTarget | null;
  overdraw: boolean;
}) {
  return (
    <Box
      id={id}
      aria-live="polite"
      sx={{
        px: 2,
        py: 1.5,
        borderRadius: 1,
        bgcolor: (theme) =>
          overdraw ? alpha(theme.palette.error.main, 0.06) : theme.palette.action.hover,
        minHeight: 48,
      }}
    >
      {amount !== null && user ? (
        <>
          <Typography
            variant="body2"
            sx={{ fontWeight: 600, overflowWrap: "anywhere", fontVariantNumeric: "tabular-nums" }}
            data-testid="credit-summary"
          >
            {creditChangeSummary(draft, amount, user.email, user.available)}
          </Typography>
          {overdraw ? (
            <Typography variant="caption" sx={{ display: "block", color: "error.main", mt: 0.25 }}>
              An adjustment can't take more than what's available; this will be refused.
            </Typography>
          ) : null}
        </>
      ) : (
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          Enter an amount to see the effect on the balance.
        </Typography>
      )}
    </Box>
  );
}
