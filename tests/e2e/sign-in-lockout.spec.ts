import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

test("after 5 wrong passwords the sign-in form says when to try again", async ({ page }) => {
  await page.goto("/signin");
  // An e-mail nobody has: it is locked out exactly like a real account (nothing tells them apart).
  await page.getByLabel(/email/i).fill(`lockout-${randomUUID()}@example.com`);
  for (let i = 1; i <= 4; i++) {
    await page.getByLabel(/password/i).fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signin-error")).toHaveText("Wrong email or password.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel(/password/i).fill("wrong password 5");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText(
    "Too many sign-in attempts. Try again in 1 minute.",
  );
});
