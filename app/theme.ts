"use client";

import { alpha, createTheme } from "@mui/material/styles";
import NextLink from "next/link";
import { sans, serif } from "@/components/fonts";

const ink = "#1b2533";
const navy = "#243b5a";
const line = "#e3e0d8";
/**
 * The keyboard focus ring: a blue that stands apart from the navy buttons it surrounds, 5:1
 * against white and the page background (WCAG 2.4.7, 2.4.13 ask for ≥ 3:1).
 */
const focusBlue = "#2563eb";
const focusRing = { outline: `2px solid ${focusBlue}`, outlineOffset: 2 } as const;
/** Inside scrolling lists and tab bars an outside ring would be clipped: draw it inside. */
const insetFocusRing = { "&.Mui-focusVisible": { ...focusRing, outlineOffset: -2 } } as const;

export const theme = createTheme({
  palette: {
    mode: "light",
    primary: { main: navy, light: "#3d5a80", dark: "#17273d", contrastText: "#ffffff" },
    secondary: { main: "#8a6a2f", contrastText: "#ffffff" },
    success: { main: "#2f7a55" },
    error: { main: "#b0362c" },
    warning: { main: "#9a6200" },
    info: { main: "#2f6690" },
    background: { default: "#f6f5f1", paper: "#ffffff" },
    // `disabled` is also used for informative text ("—", "Not found", a disabled field's help):
    // 4.5:1 on white and on the page background, still lighter than `secondary`.
    text: { primary: ink, secondary: "#5a6472", disabled: "#687180" },
    divider: line,
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily: sans,
    h1: { fontFamily: serif, fontWeight: 600, fontSize: "2.25rem", letterSpacing: "-0.01em" },
    h2: { fontFamily: serif, fontWeight: 600, fontSize: "1.875rem", letterSpacing: "-0.01em" },
    h3: { fontFamily: serif, fontWeight: 600, fontSize: "1.5rem" },
    h4: { fontFamily: serif, fontWeight: 600, fontSize: "1.75rem", letterSpacing: "-0.005em" },
    h5: { fontWeight: 600, fontSize: "1.15rem" },
    h6: { fontWeight: 600, fontSize: "1rem" },
    subtitle1: { fontWeight: 500 },
    subtitle2: { fontWeight: 600 },
    button: { textTransform: "none", fontWeight: 600, letterSpacing: 0 },
    overline: { fontWeight: 600, letterSpacing: "0.08em" },
  },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        body: { WebkitFontSmoothing: "antialiased", MozOsxFontSmoothing: "grayscale" },
        "::selection": { backgroundColor: alpha(navy, 0.18) },
        // Every keyboard-focused element shows where it is. `:where()` keeps this at the weight
        // of one pseudo-class, so components may still draw their ring inside (tabs, menus).
        // `tabindex="-1"` targets (the <main> the skip link jumps to) are focused by script.
        ":where(a, button, summary, [role='button'], [tabindex]:not([tabindex='-1'])):focus-visible":
          focusRing,
      },
    },
    MuiButtonBase: {
      // `<Button href="/analyses">` navigates client-side. Downloads pass `component="a"`.
      defaultProps: { LinkComponent: NextLink },
      // MUI resets `outline` on its buttons; this puts the ring back, also on checkboxes,
      // switches and radios, whose focused <input> is invisible.
      styleOverrides: { root: { "&.Mui-focusVisible": focusRing } },
    },
    MuiTab: { styleOverrides: { root: insetFocusRing } },
    MuiMenuItem: { styleOverrides: { root: insetFocusRing } },
    MuiListItemButton: { styleOverrides: { root: insetFocusRing } },
    MuiTableContainer: {
      // A table wider than a phone scrolls sideways: keyboard users must be able to focus it
      // to scroll it (axe: scrollable-region-focusable).
      defaultProps: { tabIndex: 0 },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: {
        root: { borderRadius: 8, paddingInline: 16 },
        sizeSmall: { paddingInline: 10 },
      },
    },
    MuiPaper: {
      defaultProps: { elevation: 0 },
      styleOverrides: { outlined: { borderColor: line } },
    },
    MuiCard: {
      defaultProps: { variant: "outlined" },
    },
    MuiAppBar: {
      defaultProps: { elevation: 0, color: "inherit" },
      styleOverrides: {
        root: {
          backgroundColor: alpha("#ffffff", 0.92),
          backdropFilter: "saturate(180%) blur(8px)",
          borderBottom: `1px solid ${line}`,
        },
      },
    },
    MuiTableCell: {
      styleOverrides: {
        root: { borderBottomColor: line },
        head: {
          fontWeight: 600,
          fontSize: "0.75rem",
          textTransform: "uppercase",
          letterSpacing: "0.05em",
          color: "#5a6472",
          whiteSpace: "nowrap",
        },
      },
    },
    MuiChip: {
      styleOverrides: { root: { borderRadius: 6 } },
    },
    MuiLinearProgress: {
      styleOverrides: {
        root: { borderRadius: 999, height: 6, backgroundColor: alpha(navy, 0.1) },
        bar: { borderRadius: 999 },
      },
    },
    MuiTooltip: {
      defaultProps: { arrow: true },
      styleOverrides: {
        tooltip: { backgroundColor: ink, fontSize: "0.8rem" },
        arrow: { color: ink },
      },
    },
    MuiAlert: {
      styleOverrides: { root: { borderRadius: 8 } },
    },
    MuiLink: {
      // Always underlined: a link inside a sentence must not be told apart by colour alone
      // (WCAG 1.4.1; axe "link-in-text-block").
      defaultProps: { underline: "always" },
    },
    MuiTextField: {
      defaultProps: { fullWidth: true },
    },
  },
});
