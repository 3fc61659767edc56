"use client";

import AddShoppingCartIcon from "@mui/icons-material/AddShoppingCart";
import ArrowForwardIcon from "@mui/icons-material/ArrowForward";
import TollIcon from "@mui/icons-material/Toll";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Divider from "@mui/material/Divider";
import IconButton from "@mui/material/IconButton";
import Popover from "@mui/material/Popover";
import Skeleton from "@mui/material/Skeleton";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { useId, useState } from "react";
import { BALANCE_FIELDS } from "@/components/credits/balance-cards";
import { useCredits } from "@/components/credits/use-credits";
import { formatCredits, formatNumber } from "@/components/format";

/**
 * Available credits in the app bar; polls every ~10 s and refreshes right after a confirm.
 * Clicking it opens a small breakdown (available, held, spent, granted) with a link to /credits.
 */
export function CreditBalance() {
  const { data, isError } = useCredits();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const popoverId = useId();
  const open = anchor !== null;
  const balance = data?.balance;
  const available = balance?.available;
  const held = balance?.held ?? 0;
  // Hidden unless the server says purchases are on (both Stripe keys configured).
  const canBuy = data?.purchases?.enabled === true;

  const tooltip = open
    ? "" // An empty title hides the tooltip while the breakdown is open.
    : available === undefined
      ? isError
        ? "Couldn't load your balance"
        : "Loading your balance…"
      : held > 0
        ? `${formatCredits(available)} available, ${formatNumber(held)} held for running analyses`
        : `${formatCredits(available)} available`;

  return (
    <>
      <Tooltip title={tooltip}>
        <Button
          size="small"
          color="inherit"
          variant="outlined"
          onClick={(event) => setAnchor(event.currentTarget)}
          startIcon={<TollIcon fontSize="small" sx={{ color: "secondary.main" }} />}
          aria-label={
            available === undefined ? "Credits" : `Credits: ${formatCredits(available)} available`
          }
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? popoverId : undefined}
          data-testid="credit-balance"
          sx={{
            borderColor: "divider",
            whiteSpace: "nowrap",
            fontVariantNumeric: "tabular-nums",
            flexShrink: 0,
          }}
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
      {canBuy ? (
        <>
          {/* Wide screens: the words; narrower: the icon (the header is full); phones: the
              balance's breakdown has the link. */}
          <Button
            href="/credits#buy-credits"
            size="small"
            variant="contained"
            color="secondary"
            startIcon={<AddShoppingCartIcon fontSize="small" />}
            data-testid="header-buy-credits"
            sx={{ whiteSpace: "nowrap", display: { xs: "none", xl: "inline-flex" } }}
          >
            Buy credits
          </Button>
          <Tooltip title="Buy credits">
            <IconButton
              href="/credits#buy-credits"
              size="small"
              color="secondary"
              aria-label="Buy credits"
              data-testid="header-buy-credits-icon"
              sx={{ display: { xs: "none", sm: "inline-flex", xl: "none" } }}
            >
              <AddShoppingCartIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </>
      ) : null}
      <Popover
        id={popoverId}
        open={open}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: "bottom", horizontal: "right" }}
        transformOrigin={{ vertical: "top", horizontal: "right" }}
        slotProps={{
          paper: {
            variant: "outlined",
            role: "dialog",
            "aria-label": "Credit balance",
            sx: { mt: 1, width: 240 },
          },
        }}
        data-testid="credit-balance-popover"
      >
        <Box
          component="dl"
          sx={{
            m: 0,
            px: 2,
            pt: 1.5,
            pb: 1,
            display: "grid",
            gridTemplateColumns: "1fr auto",
            columnGap: 2,
            rowGap: 0.75,
          }}
        >
          {BALANCE_FIELDS.map((field) => (
            <Box key={field.key} sx={{ display: "contents" }}>
              <Typography
                component="dt"
                variant="body2"
                sx={{
                  color: "text.secondary",
                  fontWeight: field.key === "available" ? 600 : undefined,
                }}
              >
                {field.label}
              </Typography>
              <Typography
                component="dd"
                variant="body2"
                sx={{
                  m: 0,
                  textAlign: "right",
                  fontVariantNumeric: "tabular-nums",
                  fontWeight: field.key === "available" ? 700 : 500,
                }}
                data-testid={`credit-balance-${field.key}`}
              >
                {balance ? (
                  formatNumber(balance[field.key])
                ) : isError ? (
                  "—"
                ) : (
                  <Skeleton width={32} />
                )}
              </Typography>
            </Box>
          ))}
        </Box>
        {held > 0 ? (
          <Typography
            variant="caption"
            sx={{ display: "block", px: 2, pb: 1, color: "text.secondary" }}
          >
            Held credits are charged only if the memo is delivered.
          </Typography>
        ) : null}
        <Divider />
        <Box sx={{ p: 1 }}>
          {canBuy ? (
            <Button
              href="/credits#buy-credits"
              size="small"
              fullWidth
              endIcon={<AddShoppingCartIcon fontSize="small" />}
              onClick={() => setAnchor(null)}
              sx={{ justifyContent: "space-between" }}
            >
              Buy credits
            </Button>
          ) : null}
          <Button
            href="/credits"
            size="small"
            fullWidth
            endIcon={<ArrowForwardIcon fontSize="small" />}
            onClick={() => setAnchor(null)}
            data-testid="credit-balance-history-link"
            sx={{ justifyContent: "space-between" }}
          >
            Credit history
          </Button>
        </Box>
      </Popover>
    </>
  );
}
