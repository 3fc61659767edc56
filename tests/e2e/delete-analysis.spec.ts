import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

/** A small text contract under a name no other journey uses. */
function contractFile(name: string) {
  const text = [
    "CONSULTING AGREEMENT",
    `Between ${name} Ltd ("Consultant") and Example Corp ("Client").`,
    "1. Term. Twelve months from signature.",
    "2. Fees. 2,000 EUR per month, payable within 30 days.",
    "3. Termination. Either party may terminate on 30 days' notice.",
  ].join("\n\n");
  return { name: `${name}.txt`, mimeType: "text/plain", buffer: Buffer.from(text) };
}

test("a user deletes an analysis and a quote; both are gone from the list and their pages", async ({
  userPage: page,
}) => {
  test.setTimeout(180_000);
  const analysed = `delete-me-${randomUUID().slice(0, 8)}`;

  // An analysis that ran: deleted from its own page.
  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles(contractFile(analysed));
  const quote = page.getByTestId("quote-card");
  await expect(quote).toBeVisible();
  await quote.getByTestId("confirm-analysis").click();
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/);
  const analysisUrl = page.url();
  await expect(page.getByTestId("analysis-detail")).toHaveAttribute("data-status", "succeeded", {
    timeout: 90_000,
  });

  await page.getByTestId("delete-analysis").click();
  const dialog = page.getByTestId("delete-analysis-dialog");
  await expect(dialog).toContainText(analysed);
  await expect(dialog).toContainText(/memo/i);
  await expect(dialog).toContainText(/credit history stays/i);
  await dialog.getByTestId("delete-analysis-confirm").click();

  await expect(page).toHaveURL(/\/analyses\?deleted=1$/);
  await expect(page.getByTestId("deleted-notice")).toBeVisible();
  await expect(page.getByTestId("analysis-row").first()).toBeVisible();
  await expect(page.getByTestId("analyses-table")).not.toContainText(analysed);

  await page.goto(analysisUrl);
  await expect(page.getByText(/couldn't find this analysis/i)).toBeVisible();

  // A quote never confirmed: deleted from the list's row menu.
  const quoted = `delete-quote-${randomUUID().slice(0, 8)}`;
  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles(contractFile(quoted));
  await expect(page.getByTestId("quote-card")).toBeVisible();
  await page.goto("/analyses");
  const row = page.getByTestId("analysis-row").filter({ hasText: quoted });
  await expect(row).toHaveAttribute("data-status", "quoted");
  await row.getByTestId("analysis-row-menu").click();
  await page.getByTestId("analysis-row-delete").click();
  const quoteDialog = page.getByTestId("delete-analysis-dialog");
  await expect(quoteDialog).toContainText(/nothing is charged/i);
  await quoteDialog.getByTestId("delete-analysis-confirm").click();
  await expect(page).toHaveURL(/\/analyses\?deleted=1$/);
  await expect(page.getByTestId("deleted-notice")).toBeVisible();
  await expect(page.getByTestId("analysis-row").filter({ hasText: quoted })).toHaveCount(0);
});
