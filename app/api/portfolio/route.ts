import { NextResponse } from "next/server";
import { z } from "zod";
import { parseAnalysisFilters } from "@/lib/analyses/analysis-filters";
import { listAnalysisFacets } from "@/lib/analyses/list-analysis-facets";
import { withUser } from "@/lib/http/json-route";
import { listPortfolio } from "@/lib/portfolio/list-portfolio";
import { toCsv } from "@/lib/portfolio/portfolio-csv";
import { portfolioCells } from "@/lib/portfolio/portfolio-row";
import { toXlsx } from "@/lib/portfolio/portfolio-xlsx";

const formatSchema = z.enum(["json", "csv", "xlsx"]).default("json");

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The portfolio: one row per analysed contract with its key terms, under the same filters and
 * sort as `GET /api/analyses`; `format=csv|xlsx` downloads exactly those rows.
 */
export const GET = withUser("/api/portfolio", async ({ request, user }) => {
  const params = new URL(request.url).searchParams;
  const format = formatSchema.parse(params.get("format") ?? undefined);
  const filters = parseAnalysisFilters(params);
  const today = new Date().toISOString().slice(0, 10);
  const rows = await listPortfolio({ userId: user.id, filters, today });
  if (format === "json") {
    return NextResponse.json({ rows, today, facets: await listAnalysisFacets(user.id) });
  }
  const cells = rows.map(portfolioCells);
  const filename = `clauseflow-portfolio-${today}.${format}`;
  const headers = {
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "private, no-store",
  };
  if (format === "csv") {
    return new NextResponse(toCsv(cells), {
      headers: { ...headers, "content-type": "text/csv; charset=utf-8" },
    });
  }
  const workbook = await toXlsx(cells);
  return new NextResponse(Buffer.from(workbook), {
    headers: { ...headers, "content-type": XLSX_TYPE },
  });
});
