import Box from "@mui/material/Box";
import type { SxProps, Theme } from "@mui/material/styles";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";

/**
 * One labelled fact of a `<dl>` grid (an analysis's price, dates, worker…). `sx` places it in the
 * grid, `valueSx` adds to the value's style, `title` shows the whole value on hover.
 */
export function Fact({
  label,
  children,
  title,
  sx,
  valueSx,
}: {
  label: string;
  children: ReactNode;
  title?: string;
  sx?: SxProps<Theme>;
  valueSx?: SxProps<Theme>;
}) {
  return (
    <Box sx={[{ minWidth: 0 }, ...(Array.isArray(sx) ? sx : [sx])]}>
      <Typography
        component="dt"
        variant="caption"
        sx={{ color: "text.secondary", fontWeight: 500 }}
      >
        {label}
      </Typography>
      <Typography
        component="dd"
        variant="body2"
        title={title}
        sx={[
          { m: 0, fontWeight: 500, overflowWrap: "anywhere" },
          ...(Array.isArray(valueSx) ? valueSx : [valueSx]),
        ]}
      >
        {children}
      </Typography>
    </Box>
  );
}

/** The `<dl>` grid facts sit in: two columns on a phone, four from `wideFrom` up. */
export function FactGrid({
  wideFrom = "sm",
  sx,
  children,
}: {
  wideFrom?: "sm" | "md";
  sx?: SxProps<Theme>;
  children: ReactNode;
}) {
  return (
    <Box
      component="dl"
      sx={[
        {
          display: "grid",
          gridTemplateColumns: { xs: "repeat(2, 1fr)", [wideFrom]: "repeat(4, 1fr)" },
          gap: 2,
          m: 0,
        },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    >
      {children}
    </Box>
  );
}
