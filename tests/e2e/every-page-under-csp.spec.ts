import type { Page } from "@playwright/test";
import postgres from "postgres";
import { appRoutes, fillRoute } from "../support/app-routes";
import { expect, test } from "./fixtures";
import { readSeed as seed, signIn } from "./seed";

/** Loads a page, lets its queries and client rendering settle. */
async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  expect(response?.headers()["content-security-policy"], url).toContain("'nonce-");
  await page.waitForLoadState("networkidle");
}

// The fixture fails the test on any console message about the CSP: here every page of the app
// (listed from app/**/page.tsx) is loaded in Chromium, as a visitor, a user and an admin.
test("every page renders under the CSP without a violation", async ({ page, adminPage }) => {
  const { user, databaseUrl, failed } = seed();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await sql`select id from users where email = ${user.email}`;
  await sql.end();
  const routes = appRoutes("page.tsx").map((r) => r.route);
  const visitorPages = ["/signin", "/signup"];
  const url = (route: string) =>
    fillRoute(route, {
      id: route.startsWith("/admin/users") ? String(row?.id) : failed.analysisId,
    });

  for (const route of visitorPages) {
    await visit(page, route);
  }
  // The sign-up form's validation (client-side rendering of errors) under the CSP too.
  await page.getByRole("button", { name: /create|sign up/i }).click();

  await signIn(page, user);
  for (const route of routes.filter((r) => !r.startsWith("/admin") && !visitorPages.includes(r))) {
    await visit(page, url(route));
  }

  for (const route of routes.filter((r) => r.startsWith("/admin"))) {
    await visit(adminPage, url(route));
  }
  // A dialog (MUI portal, transitions): the credit dialog on the user's page.
  await adminPage.goto(url("/admin/users/[id]"));
  await adminPage.getByTestId("adjust-credits").first().click();
  await expect(adminPage.getByRole("dialog")).toBeVisible();
});
