import { ApiClient } from "@/tests/support/api-client";
import { expect, test } from "./fixtures";

test("the analysis-mail preference is saved on the account page and survives a reload", async ({
  browser,
  baseURL,
}) => {
  // A user of its own: the seeded user's preference is left to the notification specs.
  const { email, password } = await ApiClient.signUp(baseURL!);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin?callbackUrl=%2Faccount");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/^password/i).fill(password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page).toHaveURL(/\/account$/);

  const card = page.getByTestId("notifications-card");
  const longOnes = card.getByRole("radio", { name: "Only analyses that take over a minute" });
  const every = card.getByRole("radio", { name: "Every analysis" });
  await expect(longOnes).toBeChecked();

  await every.check();
  await expect(card.getByTestId("notifications-saved")).toBeVisible();
  await page.reload();
  await expect(
    page.getByTestId("notifications-card").getByRole("radio", { name: "Every analysis" }),
  ).toBeChecked();

  await page.getByTestId("notifications-card").getByRole("radio", { name: "Never" }).check();
  await expect(page.getByTestId("notifications-saved")).toBeVisible();
  await page.reload();
  await expect(
    page.getByTestId("notifications-card").getByRole("radio", { name: "Never" }),
  ).toBeChecked();
  await context.close();
});
