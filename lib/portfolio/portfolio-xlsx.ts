import ExcelJS from "exceljs";
import { PORTFOLIO_COLUMNS, type PortfolioCell } from "@/lib/portfolio/portfolio-row";

const MAX_WIDTH = 60;

/**
 * The portfolio as an Excel workbook: one sheet, a bold frozen header row with a filter, dates
 * as real date cells (so they sort and compute), columns as wide as their longest value.
 */
export async function toXlsx(rows: PortfolioCell[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Clauseflow";
  const sheet = workbook.addWorksheet("Portfolio", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...PORTFOLIO_COLUMNS]);
  for (const row of rows) {
    sheet.addRow(
      row.map((cell) =>
        cell === null ? null : typeof cell === "string" ? cell : new Date(`${cell.date}T00:00:00Z`),
      ),
    );
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EAF6" } };
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: PORTFOLIO_COLUMNS.length },
  };
  PORTFOLIO_COLUMNS.forEach((name, index) => {
    const column = sheet.getColumn(index + 1);
    let width = name.length;
    for (const row of rows) {
      const cell = row[index];
      const length = cell === null ? 0 : typeof cell === "string" ? cell.length : 10;
      width = Math.max(width, length);
    }
    column.width = Math.min(width + 2, MAX_WIDTH);
    if (rows.some((row) => row[index] !== null && typeof row[index] === "object")) {
      column.numFmt = "yyyy-mm-dd";
    }
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
