import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Typography from "@mui/material/Typography";
import type { CreditBalance } from "@/components/api-types";
import { FactGrid } from "@/components/fact";
import { formatNumber } from "@/components/format";

export type BalanceField = keyof CreditBalance;

export const BALANCE_FIELDS: ReadonlyArray<{ key: BalanceField; label: string }> = [
  { key: "available", label: "Available" },
  { key: "held", label: "Held" },
  { key: "spent", label: "Spent" },
  { key: "granted", label: "Granted" },
];

/** The signed-in user's wording; admin screens pass their own. */
export const OWN_BALANCE_HELP: Record<BalanceField, string> = {
  available: "Ready to spend on new analyses",
  held: "Reserved for analyses in progress",
  spent: "Charged for delivered memos",
  granted: "Total credits added to your account",
};

/** Available (highlighted), held, spent and granted as four cards; skeletons while loading. */
export function BalanceCards({
  balance,
  help = OWN_BALANCE_HELP,
}: {
  balance: CreditBalance | undefined;
  help?: Record<BalanceField, string>;
}) {
  return (
    <FactGrid wideFrom="md" sx={{ mb: 4 }}>
      {BALANCE_FIELDS.map((card) => {
        const primary = card.key === "available";
        return (
          <Paper
            key={card.key}
            variant="outlined"
            sx={{
              p: 2.5,
              ...(primary
                ? {
                    bgcolor: "primary.main",
                    color: "primary.contrastText",
                    borderColor: "primary.main",
                  }
                : {}),
            }}
            data-testid={`balance-${card.key}`}
          >
            <Typography
              component="dt"
              variant="overline"
              sx={{
                display: "block",
                lineHeight: 1.6,
                opacity: primary ? 0.85 : 1,
                color: primary ? "inherit" : "text.secondary",
              }}
            >
              {card.label}
            </Typography>
            <Typography
              component="dd"
              sx={{
                m: 0,
                fontSize: "2rem",
                fontWeight: 600,
                fontVariantNumeric: "tabular-nums",
                lineHeight: 1.2,
              }}
            >
              {balance ? formatNumber(balance[card.key]) : <Skeleton width={80} />}
            </Typography>
            {/* A second description of the term: a <p> may not sit inside a <dl>'s group. */}
            <Typography
              component="dd"
              variant="body2"
              sx={{
                m: 0,
                mt: 0.5,
                opacity: primary ? 0.85 : 1,
                color: primary ? "inherit" : "text.secondary",
              }}
            >
              {help[card.key]}
            </Typography>
          </Paper>
        );
      })}
    </FactGrid>
  );
}
