"use client";

import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { useMutation } from "@tanstack/react-query";
import type { CreditPack } from "@/components/api-types";
import { errorMessage, fetchJson } from "@/components/fetch-json";
import { formatCredits } from "@/components/format";
import { Notice } from "@/components/notice";
import { formatMoney } from "@/lib/purchases/format-money";

function packName(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, " ");
}

/**
 * The packs for sale as cards; "Buy" asks the server for a Stripe Checkout Session and sends the
 * browser there. Credits are added only once Stripe confirms the payment (the webhook).
 */
export function CreditPacks({ packs }: { packs: CreditPack[] }) {
  const checkout = useMutation({
    mutationFn: (pack: string) =>
      fetchJson<{ url: string }>("/api/credits/checkout", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ pack }),
      }),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const busyPack = checkout.isPending || checkout.isSuccess ? checkout.variables : null;

  return (
    <Box component="section" id="buy-credits" aria-labelledby="buy-credits-title" sx={{ mb: 4 }}>
      <Typography variant="h5" component="h2" id="buy-credits-title" sx={{ mb: 0.5 }}>
        Buy credits
      </Typography>
      <Typography variant="body2" sx={{ color: "text.secondary", mb: 2, maxWidth: 720 }}>
        Pay securely with Stripe. Credits never expire and are added as soon as the payment is
        confirmed.
      </Typography>
      {checkout.isError ? (
        <Notice severity="error" sx={{ mb: 2 }} data-testid="checkout-error">
          {errorMessage(checkout.error)}
        </Notice>
      ) : null}
      <Box
        sx={{
          display: "grid",
          gap: 2,
          gridTemplateColumns: { xs: "1fr", sm: "repeat(auto-fill, minmax(220px, 1fr))" },
        }}
      >
        {packs.map((pack) => (
          <Paper
            key={pack.id}
            variant="outlined"
            sx={{ p: 2.5, display: "flex", flexDirection: "column", gap: 1 }}
            data-testid="credit-pack"
            data-pack={pack.id}
          >
            <Typography variant="overline" sx={{ color: "text.secondary", lineHeight: 1.5 }}>
              {packName(pack.id)}
            </Typography>
            <Typography variant="h5" component="p" sx={{ fontWeight: 700 }}>
              {formatCredits(pack.credits)}
            </Typography>
            <Typography variant="body2" sx={{ color: "text.secondary" }}>
              {formatMoney(pack.amount, pack.currency)}
            </Typography>
            <Button
              variant="contained"
              onClick={() => checkout.mutate(pack.id)}
              loading={busyPack === pack.id}
              disabled={busyPack !== null && busyPack !== undefined}
              aria-label={`Buy ${formatCredits(pack.credits)} for ${formatMoney(pack.amount, pack.currency)}`}
              sx={{ mt: 1 }}
            >
              Buy
            </Button>
          </Paper>
        ))}
      </Box>
    </Box>
  );
}
