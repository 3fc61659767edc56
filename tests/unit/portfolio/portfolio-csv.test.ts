import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "@/lib/portfolio/portfolio-csv";
import {
  PORTFOLIO_COLUMNS,
  type PortfolioRow,
  portfolioCells,
} from "@/lib/portfolio/portfolio-row";

describe("csvField", () => {
  it("leaves plain text alone and writes empty for no value", () => {
    expect(csvField("Acme Ltd")).toBe("Acme Ltd");
    expect(csvField(null)).toBe("");
    expect(csvField({ date: "2026-02-28" })).toBe("2026-02-28");
  });

  it("quotes commas, quotes and line breaks (RFC 4180), doubling quotes", () => {
    expect(csvField("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvField('The "Supplier"')).toBe('"The ""Supplier"""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it.each([
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK(""http://evil"")'],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
  ])("defuses a formula: %s", (input, inner) => {
    const field = csvField(input);
    const unquoted = field.startsWith('"') ? field.slice(1, -1) : field;
    expect(unquoted).toBe(inner);
    expect(field.replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("does not touch a sign inside the text", () => {
    expect(csvField("Net 30 - 2%")).toBe("Net 30 - 2%");
  });
});

describe("toCsv", () => {
  const row: PortfolioRow = {
    analysisId: "a",
    document: "Acme, MSA.pdf",
    contractType: "services",
    counterparty: "=Acme",
    parties: ["Acme Ltd", "Example Corp"],
    effectiveDate: "2024-02-29",
    expiration: { date: "2025-02-28", estimated: true },
    term: "1 year",
    autoRenews: true,
    renewalTerm: "1 year",
    noticePeriod: "90 days",
    noticeDeadline: { date: "2024-11-30", estimated: false },
    governingLaw: "England and Wales",
    riskFlags: ["uncapped_liability", "auto_renewal"],
    highRiskCount: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
  };

  it("starts with a UTF-8 BOM and the header row, ends lines with CRLF", () => {
    const csv = toCsv([portfolioCells(row)]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(PORTFOLIO_COLUMNS.join(","));
    expect(lines[1]).toBe(
      '"Acme, MSA.pdf",services,\'=Acme,Acme Ltd; Example Corp,2024-02-29,2025-02-28,Yes,1 year,Yes,1 year,90 days,2024-11-30,No,England and Wales,uncapped_liability; auto_renewal',
    );
    expect(lines[2]).toBe("");
  });
});
