import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import { holdCredits } from "@/lib/billing/hold-credits";
import { settleHold } from "@/lib/billing/settle-hold";
import { db } from "@/lib/db/client";
import { analyses, contractTerms, documents, users } from "@/lib/db/schema";
import type { PortfolioRow } from "@/lib/portfolio/portfolio-row";
import { PORTFOLIO_COLUMNS } from "@/lib/portfolio/portfolio-row";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";

const { baseUrl } = integrationStack();

type ListAnswer = {
  analyses: AnalysisView[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
  facets: { contractTypes: string[]; governingLaws: string[] };
};

type Seed = {
  filename: string;
  status: "succeeded" | "quoted" | "failed";
  createdAt: string;
  price?: number;
  deleted?: boolean;
  terms?: Partial<typeof contractTerms.$inferInsert>;
};

async function signUp() {
  const account = await ApiClient.signUp(baseUrl);
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${account.email})`);
  return { client: account.client, userId: row!.id };
}

/** Rows written straight to the database: exact terms, dates and statuses, no worker needed. */
async function seed(userId: string, rows: Seed[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const row of rows) {
    const createdAt = new Date(row.createdAt);
    const deletedAt = row.deleted ? new Date() : null;
    const [doc] = await db
      .insert(documents)
      .values({
        userId,
        filename: row.filename,
        kind: "text",
        mimeType: "text/plain",
        sizeBytes: 100,
        sha256: randomBytes(32).toString("hex"),
        pageCount: 1,
        wordCount: 100,
        createdAt,
        deletedAt,
      })
      .returning({ id: documents.id });
    // Ended analyses get their ledger entries (hold, then capture or release) in the same
    // transaction as their status, so the shared stack's ledger check stays clean.
    const analysis = await db.transaction(async (tx) => {
      const price = row.price ?? 1;
      const [inserted] = await tx
        .insert(analyses)
        .values({
          userId,
          documentId: doc!.id,
          status: row.status,
          priceCredits: price,
          createdAt,
          deletedAt,
          quoteExpiresAt: row.status === "quoted" ? new Date(Date.now() + 2 * 3600_000) : null,
          finishedAt: row.status === "quoted" ? null : sql`now()`,
          resultVersion: row.status === "succeeded" ? 1 : null,
        })
        .returning({ id: analyses.id });
      if (row.status !== "quoted") {
        await holdCredits(tx, { userId, analysisId: inserted!.id, amount: price });
        await settleHold(tx, {
          analysisId: inserted!.id,
          settlement: row.status === "succeeded" ? "capture" : "release",
        });
      }
      return inserted;
    });
    if (row.terms) {
      await db
        .insert(contractTerms)
        .values({ analysisId: analysis!.id, userId, resultVersion: 1, ...row.terms });
    }
    ids.set(row.filename, analysis!.id);
  }
  return ids;
}

const FILLERS = 26;
let owner: Awaited<ReturnType<typeof signUp>>;
let other: Awaited<ReturnType<typeof signUp>>;
let ids: Map<string, string>;

beforeAll(async () => {
  [owner, other] = await Promise.all([signUp(), signUp()]);
  ids = await seed(owner.userId, [
    {
      filename: "Acme Master Services Agreement.pdf",
      status: "succeeded",
      createdAt: "2026-01-10T10:00:00Z",
      price: 10,
      terms: {
        contractType: "services",
        counterparty: "Acme Ltd",
        parties: ["Acme Ltd", "Example Corp"],
        effectiveDate: "2026-01-01",
        expirationDate: "2026-12-31",
        autoRenews: false,
        noticePeriod: "P30D",
        governingLaw: "England and Wales",
        riskCodes: ["uncapped_liability"],
        highRiskCount: 1,
      },
    },
    {
      filename: "Mutual NDA.docx",
      status: "succeeded",
      createdAt: "2026-02-10T10:00:00Z",
      price: 5,
      terms: {
        contractType: "nda",
        counterparty: "Globex Corporation",
        parties: ["Globex Corporation", "Example Corp"],
        effectiveDate: "2024-02-29",
        expirationDate: "2030-06-30",
        expirationEstimated: true,
        autoRenews: true,
        renewalTerm: "P1Y",
        noticePeriod: "P3M",
        governingLaw: "New York",
      },
    },
    {
      filename: "Supply, 2026.txt",
      status: "succeeded",
      createdAt: "2026-03-10T12:00:00Z",
      price: 20,
      terms: {
        contractType: "supply",
        counterparty: "=Initech",
        parties: ["Initech", "Example Holdings"],
        governingLaw: "england and wales",
      },
    },
    {
      filename: "Deleted Acme.pdf",
      status: "succeeded",
      createdAt: "2026-03-11T10:00:00Z",
      deleted: true,
      terms: { counterparty: "Acme Ltd", contractType: "services", governingLaw: "Texas" },
    },
    { filename: "Acme draft.pdf", status: "quoted", createdAt: "2026-03-15T10:00:00Z" },
    { filename: "Failed Acme.pdf", status: "failed", createdAt: "2026-03-20T10:00:00Z" },
    ...Array.from(
      { length: FILLERS },
      (_, i): Seed => ({
        filename: `Filler ${String(i).padStart(2, "0")}.txt`,
        status: "succeeded",
        createdAt: new Date(Date.UTC(2025, 5, 1, 0, i)).toISOString(),
      }),
    ),
  ]);
  await seed(other.userId, [
    {
      filename: "Acme Secret of another user.pdf",
      status: "succeeded",
      createdAt: "2026-01-05T10:00:00Z",
      terms: { counterparty: "Acme Ltd", contractType: "license", governingLaw: "Delaware" },
    },
  ]);
}, 120_000);

async function get<T>(client: ApiClient, path: string): Promise<T> {
  const { status, body } = await client.json<T>("GET", path);
  expect(status, `${path}: ${JSON.stringify(body)}`).toBe(200);
  return body;
}

const list = (client: ApiClient, query: string) =>
  get<ListAnswer>(client, `/api/analyses?${query}`);
const names = (answer: { analyses: AnalysisView[] }) => answer.analyses.map((a) => a.documentName);

describe("GET /api/analyses: search, filters, sort and pages", () => {
  it("searches names and parties case-insensitively, never another user's or a deleted row", async () => {
    expect(new Set(names(await list(owner.client, "q=ACME")))).toEqual(
      new Set(["Acme Master Services Agreement.pdf", "Acme draft.pdf", "Failed Acme.pdf"]),
    );
    // Only the parties say "Example Corp".
    expect(new Set(names(await list(owner.client, "q=example%20corp")))).toEqual(
      new Set(["Acme Master Services Agreement.pdf", "Mutual NDA.docx"]),
    );
    expect(names(await list(owner.client, "q=globex"))).toEqual(["Mutual NDA.docx"]);
    expect(names(await list(owner.client, "q=deleted"))).toEqual([]);
    expect(names(await list(other.client, "q=acme"))).toEqual(["Acme Secret of another user.pdf"]);
    // A literal % matches nothing rather than everything.
    expect((await list(owner.client, "q=%25")).total).toBe(0);
  });

  it("filters by status, type, governing law, created dates and drafts", async () => {
    expect(names(await list(owner.client, "status=failed"))).toEqual(["Failed Acme.pdf"]);
    expect(names(await list(owner.client, "type=NDA"))).toEqual(["Mutual NDA.docx"]);
    expect(names(await list(owner.client, "law=England%20and%20Wales&sort=name"))).toEqual([
      "Acme Master Services Agreement.pdf",
      "Supply, 2026.txt",
    ]);
    // `to` includes its whole day (the supply contract was created at noon on 10 March).
    expect(
      names(await list(owner.client, "from=2026-02-01&to=2026-03-10&sort=created&dir=asc")),
    ).toEqual(["Mutual NDA.docx", "Supply, 2026.txt"]);
    const drafts = await list(owner.client, "view=drafts");
    expect(names(drafts)).toEqual(["Acme draft.pdf"]);
    expect(drafts.analyses[0]!.quoteExpiresAt).toBeTruthy();
    expect(names(await list(owner.client, "view=results&q=acme"))).not.toContain("Acme draft.pdf");
  });

  it("offers the types and laws this user's contracts have (not another user's, not deleted)", async () => {
    const { facets } = await list(owner.client, "");
    expect(facets.contractTypes).toEqual(["nda", "services", "supply"]);
    expect(facets.governingLaws).not.toContain("Delaware");
    expect(facets.governingLaws).not.toContain("Texas");
    expect(facets.governingLaws).toContain("New York");
  });

  it("sorts by name, price and expiration in either direction", async () => {
    const q = "q=example&sort=";
    expect(names(await list(owner.client, `${q}name&dir=asc`))).toEqual([
      "Acme Master Services Agreement.pdf",
      "Mutual NDA.docx",
      "Supply, 2026.txt",
    ]);
    expect(names(await list(owner.client, `${q}price`))).toEqual([
      "Supply, 2026.txt",
      "Acme Master Services Agreement.pdf",
      "Mutual NDA.docx",
    ]);
    // Soonest expiration first; no expiration last in both directions.
    expect(names(await list(owner.client, `${q}expiration&dir=asc`))).toEqual([
      "Acme Master Services Agreement.pdf",
      "Mutual NDA.docx",
      "Supply, 2026.txt",
    ]);
    expect(names(await list(owner.client, `${q}expiration&dir=desc`))).toEqual([
      "Mutual NDA.docx",
      "Acme Master Services Agreement.pdf",
      "Supply, 2026.txt",
    ]);
  });

  it("pages 25 at a time with the totals, pages never overlapping", async () => {
    const first = await list(owner.client, "");
    const second = await list(owner.client, "page=2");
    expect(first).toMatchObject({ page: 1, pageSize: 25, total: 5 + FILLERS, pageCount: 2 });
    expect(first.analyses).toHaveLength(25);
    expect(second.analyses).toHaveLength(5 + FILLERS - 25);
    const all = [...first.analyses, ...second.analyses].map((a) => a.id);
    expect(new Set(all).size).toBe(5 + FILLERS);
    expect(all).not.toContain(ids.get("Deleted Acme.pdf"));
    // Newest first by default.
    expect(first.analyses[0]!.documentName).toBe("Failed Acme.pdf");
    // The older `?limit=` callers still get their page size.
    expect((await list(owner.client, "limit=3")).analyses).toHaveLength(3);
  });

  it("refuses an unknown status, sort or a malformed date with 422", async () => {
    for (const query of ["status=paid", "sort=size", "from=03/01/2026", "page=0"]) {
      expect((await owner.client.request("GET", `/api/analyses?${query}`)).status).toBe(422);
    }
  });
});

describe("GET /api/portfolio", () => {
  it("lists analysed contracts only, with their key terms and the list's filters", async () => {
    const all = await get<{ rows: PortfolioRow[] }>(owner.client, "/api/portfolio");
    expect(all.rows).toHaveLength(3 + FILLERS);
    const documentsShown = all.rows.map((row) => row.document);
    expect(documentsShown).not.toContain("Acme draft.pdf");
    expect(documentsShown).not.toContain("Failed Acme.pdf");
    expect(documentsShown).not.toContain("Deleted Acme.pdf");
    expect(documentsShown).not.toContain("Acme Secret of another user.pdf");

    const { rows } = await get<{ rows: PortfolioRow[] }>(
      owner.client,
      "/api/portfolio?q=example&sort=expiration",
    );
    expect(rows.map((row) => row.document)).toEqual([
      "Acme Master Services Agreement.pdf",
      "Mutual NDA.docx",
      "Supply, 2026.txt",
    ]);
    expect(rows[0]).toMatchObject({
      term: "1 year",
      expiration: { date: "2026-12-31", estimated: false },
      noticePeriod: "30 days",
      // 31 December minus 30 days (upcomingDates).
      noticeDeadline: { date: "2026-12-01", estimated: false },
      riskFlags: ["uncapped_liability"],
    });
    expect(rows[1]).toMatchObject({
      contractType: "nda",
      counterparty: "Globex Corporation",
      effectiveDate: "2024-02-29",
      expiration: { date: "2030-06-30", estimated: true },
      autoRenews: true,
      renewalTerm: "1 year",
      noticePeriod: "3 months",
      noticeDeadline: { date: "2030-03-30", estimated: true },
      governingLaw: "New York",
    });
  });

  it("downloads exactly those rows as CSV: BOM, header, quoting, formulas defused", async () => {
    const response = await owner.client.request(
      "GET",
      "/api/portfolio?law=england%20and%20wales&sort=name&format=csv",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="clauseflow-portfolio-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe(PORTFOLIO_COLUMNS.join(","));
    expect(lines[1]).toBe(
      "Acme Master Services Agreement.pdf,services,Acme Ltd,Acme Ltd; Example Corp,2026-01-01,2026-12-31,No,1 year,No,,30 days,2026-12-01,No,England and Wales,uncapped_liability",
    );
    expect(lines[2]).toMatch(/^"Supply, 2026\.txt",supply,'=Initech,/);
    expect(lines.slice(3)).toEqual([""]);
  });

  it("downloads the same rows as XLSX with typed dates and a frozen header", async () => {
    const response = await owner.client.request(
      "GET",
      "/api/portfolio?q=example&sort=expiration&format=xlsx",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...PORTFOLIO_COLUMNS]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(1).value).toBe("Acme Master Services Agreement.pdf");
    const nda = sheet.getRow(3);
    expect(nda.getCell(1).value).toBe("Mutual NDA.docx");
    expect(nda.getCell(5).value).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(nda.getCell(6).value).toEqual(new Date("2030-06-30T00:00:00Z"));
    expect(nda.getCell(7).value).toBe("Yes");
    expect(nda.getCell(12).value).toEqual(new Date("2030-03-30T00:00:00Z"));
    expect(sheet.getRow(4).getCell(3).value).toBe("=Initech");
    expect(sheet.getRow(4).getCell(3).type).toBe(ExcelJS.ValueType.String);
  });

  it("answers another user with only their own contract", async () => {
    const { rows } = await get<{ rows: PortfolioRow[] }>(other.client, "/api/portfolio");
    expect(rows.map((row) => row.document)).toEqual(["Acme Secret of another user.pdf"]);
    const csv = await (await other.client.request("GET", "/api/portfolio?format=csv")).text();
    expect(csv).not.toContain("Mutual NDA");
  });
});
