/** System font stacks (no web font download). Plain constants: importable from server and client. */

export const sans = [
  "system-ui",
  "-apple-system",
  "BlinkMacSystemFont",
  '"Segoe UI"',
  "Roboto",
  '"Helvetica Neue"',
  "Arial",
  "sans-serif",
  '"Apple Color Emoji"',
  '"Segoe UI Emoji"',
].join(", ");

/** Headings only: a bookish serif that reads "legal" without a web font download. */
export const serif = [
  '"Iowan Old Style"',
  '"Palatino Linotype"',
  "Palatino",
  '"Book Antiqua"',
  "Charter",
  "Georgia",
  "serif",
].join(", ");

export const monospace = [
  "ui-monospace",
  "SFMono-Regular",
  "Menlo",
  "Consolas",
  '"Liberation Mono"',
  "monospace",
].join(", ");
