"use client";

import TollIcon from "@mui/icons-material/Toll";
import Button from "@mui/material/Button";
import Skeleton from "@mui/material/Skeleton";
import Tooltip from "@mui/material/Tooltip";
import { useCredits } from "@/components/credits/use-credits";
import { formatCredits, formatNumber } from "@/components/format";

/** Available credits in the app bar; polls every ~10 s and refreshes right after a confirm. */
export function CreditBalance() {
  const { data, isError } = useCredits();
  const available = data?.balance.available;
  const held = data?.balance.held ?? 0;

  const tooltip =
    available === undefined
      ? isError
        ? "Couldn't load your balance"
        : "Loading your balance…"
      : held > 0
        ? `${formatCredits(available)} available, ${formatNumber(held)} held for running analyses`
        : `${formatCredits(available)} available`;

  return (
    <Tooltip title={tooltip}>
      <Button
        href="/credits"
        size="small"
        color="inherit"
        variant="outlined"
        startIcon={<TollIcon fontSize="small" sx={{ color: "secondary.main" }} />}
        aria-label={
          available === undefined ? "Credits" : `Credits: ${formatCredits(available)} available`
        }
        data-testid="credit-balance"
        sx={{ borderColor: "divider", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}
      >
        {available === undefined ? (
          isError ? (
            "—"
          ) : (
            <Skeleton variant="text" width={64} />
          )
        ) : (
          formatCredits(available)
        )}
      </Button>
    </Tooltip>
  );
}
