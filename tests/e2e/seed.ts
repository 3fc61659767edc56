import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export type Account = { email: string; password: string };

/** What tests/e2e/global-setup.ts prepared: the accounts, the database, a failed analysis and a
 *  server without OCR. */
export type E2eSeed = {
  user: Account;
  admin: Account;
  databaseUrl: string;
  failed: { analysisId: string; documentId: string; documentName: string; file: string };
  /** The same app served by a web process without OCR tools (global-setup.ts). */
  noOcrBaseUrl: string;
};

export const readSeed = (): E2eSeed =>
  JSON.parse(fs.readFileSync(path.resolve("test-results/e2e-users.json"), "utf8")) as E2eSeed;

/**
 * Signs in through the form, as a person does, and waits for the analyses page. Specs that are not
 * about signing in take a signed-in page from the fixtures (`userPage`, `adminPage`, `signedInAs`).
 */
export async function signIn(page: Page, who: Account): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel(/email/i).fill(who.email);
  await page.getByLabel(/password/i).fill(who.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/analyses/);
}
