import { ApiClient } from "@/tests/support/api-client";
import { linkIn, waitForMail } from "@/tests/support/mailbox";
import { expect, test } from "./fixtures";

test("forgot password: the mailed link sets a new one, signs every device out, and the new one works", async ({
  browser,
  baseURL,
}) => {
  const { client, email, password } = await ApiClient.signUp(baseURL!);
  expect((await client.request("GET", "/api/me/credits")).status).toBe(200);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel(/email/i).fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByTestId("password-reset-sent")).toContainText(
    "If an account uses this e-mail",
  );

  const mail = await waitForMail(email, { subject: /reset your clauseflow password/i });
  await page.goto(linkIn(mail, "/reset-password").toString());
  const newPassword = "my brand new password";
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();

  await expect(page).toHaveURL(/\/signin\?notice=password_reset/);
  await expect(page.getByTestId("signin-notice")).toContainText("Your password was changed");
  // The other device (the API client's session) was signed out.
  expect((await client.request("GET", "/api/me/credits")).status).toBe(401);

  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/^password/i).fill(password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page.getByTestId("signin-error")).toContainText("Wrong email or password");
  await page.getByLabel(/^password/i).fill(newPassword);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page).toHaveURL(/\/analyses$/);

  // The link worked once.
  await page.goto(linkIn(mail, "/reset-password").toString());
  await page
    .getByRole("textbox", { name: "New password", exact: true })
    .fill("yet another password");
  await page.getByLabel("Repeat the new password").fill("yet another password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByTestId("reset-error")).toContainText("invalid or has expired");
  await context.close();
});
