import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readSeed as users } from "./seed";

/** A browser with JavaScript off: what a form submitted before hydration sends. */
async function pageWithoutJavaScript(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return { context, page, urls };
}

async function expectPosting(page: Page, formName: RegExp) {
  const form = page.getByRole("form", { name: formName });
  expect((await form.getAttribute("method"))?.toLowerCase()).toBe("post");
}

test("signs in with JavaScript disabled: the form posts, the password never reaches a URL", async ({
  browser,
}) => {
  const { user } = users();
  const { context, page, urls } = await pageWithoutJavaScript(browser);

  // A wrong password first: the form answers in place, still without a password in any URL.
  await page.goto("/signin");
  await expectPosting(page, /sign in/i);
  await page.getByLabel(/email/i).fill(user.email);
  await page.getByLabel(/password/i).fill("not-the-password-123");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByTestId("signin-error")).toContainText("Wrong email or password");

  // From a protected page: sign-in brings the user back to it.
  await page.goto("/credits");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcredits/);
  await page.getByLabel(/email/i).fill(user.email);
  await page.getByLabel(/password/i).fill(user.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/credits$/);
  await page.goto("/analyses");
  await expect(page).toHaveURL(/\/analyses$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  for (const url of [...urls, page.url()]) {
    expect(url).not.toContain(encodeURIComponent(user.password));
    expect(url).not.toContain("not-the-password-123");
    expect(url).not.toMatch(/[?&]password=/);
  }
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === "next-auth.session-token")?.httpOnly).toBe(true);
  await context.close();
});

test("signs up with JavaScript disabled and lands signed in", async ({ browser }) => {
  const { context, page, urls } = await pageWithoutJavaScript(browser);
  const password = `no-js ${randomUUID().slice(0, 8)}`;
  await page.goto("/signup");
  await expectPosting(page, /create your account/i);
  await page.getByLabel(/email/i).fill(`nojs-${randomUUID()}@example.com`);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /create account/i }).click();
  await expect(page).toHaveURL(/\/upload$/);
  for (const url of urls) expect(url).not.toContain(encodeURIComponent(password));
  await context.close();
});
