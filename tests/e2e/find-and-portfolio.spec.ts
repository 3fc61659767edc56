import { randomUUID } from "node:crypto";
import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import ExcelJS from "exceljs";
import { PORTFOLIO_COLUMNS } from "@/lib/portfolio/portfolio-row";
import { expect, test } from "./fixtures";

function contractText(name: string): Buffer {
  return Buffer.from(
    [
      "CONSULTING AGREEMENT",
      `Between ${name} Ltd ("Consultant") and Example Corp ("Client").`,
      "1. Term. Twelve months from signature.",
      "2. Fees. 2,000 EUR per month, payable within 30 days.",
      "3. Termination. Either party may terminate on 30 days' notice.",
    ].join("\n\n"),
  );
}

/** Upload and confirm through the API, as a script would; the browser is for what follows. */
async function analyse(request: APIRequestContext, filename: string): Promise<string> {
  const uploaded = await request.post("/api/documents", {
    multipart: {
      file: { name: filename, mimeType: "text/plain", buffer: contractText(filename) },
    },
  });
  expect(uploaded.status()).toBe(201);
  const { document } = (await uploaded.json()) as { document: { id: string } };
  const confirmed = await request.post("/api/analyses", { data: { documentId: document.id } });
  expect(confirmed.ok()).toBe(true);
  return ((await confirmed.json()) as { analysis: { id: string } }).analysis.id;
}

test("search narrows My analyses and survives a reload; the portfolio shows and downloads the same rows", async ({
  signedInAsNewUser,
}) => {
  test.setTimeout(240_000);
  const page = await signedInAsNewUser();
  const marker = randomUUID().slice(0, 8);
  const names = ["alpha", "beta", "gamma"].map((word) => `${marker}-${word}-consulting.txt`);
  const ids: string[] = [];
  for (const name of names) ids.push(await analyse(page.request, name));
  await expect
    .poll(
      async () => {
        const statuses = await Promise.all(
          ids.map(async (id) => {
            const answer = await page.request.get(`/api/analyses/${id}`);
            return ((await answer.json()) as { analysis: { status: string } }).analysis.status;
          }),
        );
        return statuses.every((status) => status === "succeeded");
      },
      { timeout: 180_000, intervals: [1_000] },
    )
    .toBe(true);

  // Search: the list narrows, the query goes into the URL, a reload keeps both.
  await page.goto("/analyses");
  await expect(page.getByTestId("analysis-row")).toHaveCount(3);
  await page.getByTestId("analyses-search").fill("BETA");
  await expect(page).toHaveURL(/[?&]q=BETA\b/);
  await expect(page.getByTestId("analysis-row")).toHaveCount(1);
  await expect(page.getByTestId("analysis-row")).toContainText(names[1]!);
  await page.reload();
  await expect(page.getByTestId("analyses-search")).toHaveValue("BETA");
  await expect(page.getByTestId("analysis-row")).toHaveCount(1);
  await expect(page.getByTestId("analysis-row")).toContainText(names[1]!);

  // Sorting by name is a URL change too.
  await page.getByTestId("analyses-search").fill("");
  await expect(page.getByTestId("analysis-row")).toHaveCount(3);
  await page.getByTestId("sort-name").click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByTestId("analysis-link").first()).toHaveText(names[0]!);

  // The portfolio: one row per analysed contract, downloads of exactly those rows.
  await page.getByRole("navigation").getByRole("link", { name: "Portfolio" }).first().click();
  await expect(page).toHaveURL(/\/portfolio/);
  await expect(page.getByTestId("portfolio-row")).toHaveCount(3);
  await expect(page.getByTestId("portfolio-table")).toContainText(names[2]!);

  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("portfolio-download-csv").click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^clauseflow-portfolio-.*\.csv$/);
  const csv = fs.readFileSync(await csvDownload.path(), "utf8");
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(PORTFOLIO_COLUMNS.join(","));
  expect(lines).toHaveLength(4);
  for (const name of names) expect(csv).toContain(name);

  // Filtered on screen → filtered in the file.
  await page.getByTestId("analyses-search").fill("gamma");
  await expect(page.getByTestId("portfolio-row")).toHaveCount(1);
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("portfolio-download-xlsx").click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await xlsxDownload.path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).values).toEqual([undefined, ...PORTFOLIO_COLUMNS]);
  expect(sheet.rowCount).toBe(2);
  expect(sheet.getRow(2).getCell(1).value).toBe(names[2]);

  // A quote not confirmed yet is a draft: apart from the results, with its expiry.
  const draftName = `${marker}-draft-consulting.txt`;
  const uploaded = await page.request.post("/api/documents", {
    multipart: {
      file: { name: draftName, mimeType: "text/plain", buffer: contractText(draftName) },
    },
  });
  expect(uploaded.status()).toBe(201);
  await page.goto("/analyses");
  const drafts = page.getByTestId("drafts");
  await expect(drafts.getByTestId("analysis-row")).toHaveCount(1);
  await expect(drafts).toContainText(draftName);
  await expect(drafts.getByTestId("draft-expiry")).toContainText(/Expires .+, at /);
  await expect(page.getByTestId("analyses-table")).not.toContainText(draftName);

  // On a phone: cards instead of the table, nothing wider than the screen but the portfolio's
  // table, which scrolls inside its own box.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/analyses?q=alpha");
  // Visible copies only: one CI run (of seven today) kept the list's streamed server copy in the
  // DOM, hidden, beside the one React rendered, for the whole 15 s (no hydration error logged).
  await expect(page.getByTestId("analyses-search").filter({ visible: true })).toBeVisible();
  await expect(
    page.getByTestId("analysis-link").filter({ hasText: names[0]!, visible: true }),
  ).toBeVisible();
  const overflow = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.goto("/portfolio");
  await expect(page.getByTestId("portfolio-row")).toHaveCount(3);
  expect(await overflow()).toBeLessThanOrEqual(0);
  const table = page.getByTestId("portfolio-table");
  expect(
    await table.evaluate((el) => el.parentElement!.scrollWidth > el.parentElement!.clientWidth),
  ).toBe(true);
});
