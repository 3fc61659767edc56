import { randomUUID } from "node:crypto";
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The header balance's number: its accessible name is "Credits: 1,100 credits available". */
async function availableIn(balance: Locator): Promise<number> {
  await expect(balance).toHaveAccessibleName(/^Credits: [\d,]+ credits? available$/);
  const name = (await balance.getAttribute("aria-label")) ?? "";
  return Number(name.replace(/[^\d]/g, ""));
}

test("a user buys a credit pack: Buy credits, the Checkout stand-in's Pay, the balance grows by the pack", async ({
  browser,
}) => {
  // A user of its own: the seeded one's balance moves under the other journeys.
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `buyer-${randomUUID()}@example.com`;
  const password = "e2e buyer password";
  expect((await page.request.post("/api/users", { data: { email, password } })).status()).toBe(201);
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  await page.request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
  });

  await page.goto("/analyses");
  const balance = page.getByTestId("credit-balance");
  const before = await availableIn(balance);

  // Beside the balance: the words on wide screens, the cart icon (same name) on narrower ones.
  await page.getByRole("banner").getByRole("link", { name: "Buy credits" }).click();
  await expect(page).toHaveURL(/\/credits#buy-credits$/);
  const starter = page.locator('[data-testid="credit-pack"][data-pack="starter"]');
  await expect(starter).toContainText("100 credits");
  await expect(starter).toContainText("$10.00");
  await starter.getByRole("button", { name: "Buy 100 credits for $10.00" }).click();

  // Stripe's hosted page, stood in for: it posts the signed checkout.session.completed webhook.
  await expect(page.getByRole("heading", { name: "Checkout stand-in" })).toBeVisible();
  await expect(page.getByTestId("checkout-amount")).toHaveText("10.00 USD");
  await expect(page.getByText(email)).toBeVisible();
  await page.getByRole("button", { name: "Pay" }).click();

  await expect(page).toHaveURL(/\/credits\?purchase=success$/);
  await expect(page.getByTestId("purchase-notice")).toContainText("100 credits were added");
  await expect.poll(() => availableIn(balance)).toBe(before + 100);
  const bought = page.getByTestId("credit-entry").first();
  await expect(bought).toHaveAttribute("data-kind", "purchase");
  await expect(bought).toContainText("+100");
  await page.screenshot({ path: test.info().outputPath("credits-after-purchase.png") });

  // Coming back from a cancelled checkout: a calm notice, nothing charged.
  await page.goto("/credits?purchase=cancelled");
  await expect(page.getByTestId("purchase-notice")).toContainText("Nothing was charged");
  expect(await availableIn(balance)).toBe(before + 100);
  await context.close();
});
