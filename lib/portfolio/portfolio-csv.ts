import { PORTFOLIO_COLUMNS, type PortfolioCell } from "@/lib/portfolio/portfolio-row";

/** Spreadsheet apps run a cell starting with these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): text that a spreadsheet would run as a formula gets a leading
 * apostrophe; a field with a comma, quote or line break is quoted, its quotes doubled.
 */
export function csvField(cell: PortfolioCell): string {
  if (cell === null) return "";
  const text = typeof cell === "string" ? cell : cell.date;
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole file: UTF-8 BOM (so Excel reads it as UTF-8), the header row, CRLF line ends. */
export function toCsv(rows: PortfolioCell[][]): string {
  const lines = [PORTFOLIO_COLUMNS.map(csvField), ...rows.map((row) => row.map(csvField))];
  return `\uFEFF${lines.map((line) => line.join(",")).join("\r\n")}\r\n`;
}
