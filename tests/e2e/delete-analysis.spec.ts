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

test("a user deletes their account with their password and lands on sign-in, signed out", async ({
  browser,
  baseURL,
}) => {
  const email = `leaving-${randomUUID()}@example.com`;
  const password = "a password to leave with";
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    // Sign up and in through the API (the context keeps the cookie), as the fixtures do.
    expect((await page.request.post("/api/users", { data: { email, password } })).status()).toBe(
      201,
    );
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    await page.request.post("/api/auth/callback/credentials", {
      form: { email, password, csrfToken, json: "true" },
      maxRedirects: 0,
    });

    await page.goto("/account");
    await page.getByTestId("delete-account").click();
    const dialog = page.getByTestId("delete-account-dialog");
    await expect(dialog).toContainText(email);
    await dialog.getByTestId("delete-account-password").fill("not the password");
    await dialog.getByTestId("delete-account-confirm").click();
    await expect(dialog).toContainText(/password is not correct/i);

    await dialog.getByTestId("delete-account-password").fill(password);
    await dialog.getByTestId("delete-account-confirm").click();
    await expect(page).toHaveURL(/\/signin\?deleted=1$/);
    await expect(page.getByTestId("account-deleted-notice")).toBeVisible();
    // Signed out for good: the app sends back to sign-in.
    await page.goto("/analyses");
    await expect(page).toHaveURL(/\/signin/);
  } finally {
    await context.close();
  }
});
