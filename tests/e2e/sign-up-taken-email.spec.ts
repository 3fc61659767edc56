import { expect, test } from "./fixtures";
import { readSeed as users } from "./seed";

test("signing up with an e-mail that has an account points to sign-in, without saying it exists", async ({
  page,
}) => {
  await page.goto("/signup");
  await page.getByLabel(/work email/i).fill(users().user.email);
  await page.getByLabel(/^password/i).fill("not the owner's password");
  await page.getByRole("button", { name: "Create account" }).click();
  const error = page.getByTestId("signup-error");
  await expect(error).toContainText(
    "If you already have an account with this e-mail, sign in with its password.",
  );
  await expect(error.getByRole("link", { name: "sign in" })).toHaveAttribute("href", "/signin");
  await expect(page).toHaveURL(/\/signup/);
});
