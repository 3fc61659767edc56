import { randomUUID } from "node:crypto";
import { linkIn, waitForMail } from "@/tests/support/mailbox";
import { expect, test } from "./fixtures";

test("a new user verifies their e-mail from the mail and gets the starting credits", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `verify-${randomUUID()}@example.com`;

  await page.goto("/signup");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill("verify me please");
  await page.getByRole("button", { name: /create account/i }).click();
  await expect(page).toHaveURL(/\/upload$/);

  // Signed in, but no credits until the e-mail is verified: the banner says where the link went.
  const banner = page.getByTestId("verify-email-banner");
  await expect(banner).toContainText("Verify your e-mail to get your 100 free credits");
  await expect(banner).toContainText(email);
  const available = async () =>
    (
      (await (await page.request.get("/api/me/credits")).json()) as {
        balance: { available: number };
      }
    ).balance.available;
  expect(await available()).toBe(0);

  const mail = await waitForMail(email, { subject: /verify your e-mail/i });
  await page.goto(linkIn(mail, "/verify-email").toString());
  // Opening the link changes nothing (mail scanners open links too): the button does.
  await page.getByRole("button", { name: "Verify my e-mail" }).click();
  await expect(page.getByTestId("token-link-success")).toContainText(
    "100 credits were added to your account",
  );

  await page.goto("/credits");
  await expect(page.getByTestId("balance-available")).toContainText("100");
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);
  expect(await available()).toBe(100);

  // The same link again is refused, and the balance stays.
  await page.goto(linkIn(mail, "/verify-email").toString());
  await page.getByRole("button", { name: "Verify my e-mail" }).click();
  await expect(page.getByTestId("token-link-error")).toContainText("invalid or has expired");
  expect(await available()).toBe(100);
  await context.close();
});
