import type { Page } from "@playwright/test";
import { contractPdfs } from "../support/contracts";
import { expect, test } from "./fixtures";

type Balance = { available: number; held: number; spent: number };

async function balanceOf(page: Page): Promise<Balance> {
  const response = await page.request.get("/api/me/credits");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { balance: Balance }).balance;
}

test("the same file again offers its memo for free; a one-word file needs 'Analyze anyway'", async ({
  signedInAsNewUser,
}) => {
  test.setTimeout(180_000);
  const contract = contractPdfs()[0]!;
  const page = await signedInAsNewUser();

  // First time: analysed and paid for.
  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles(contract.file);
  const first = page.getByTestId("quote-card");
  await expect(first).toBeVisible();
  await expect(first.getByTestId("duplicate-offer")).toHaveCount(0);
  await first.getByTestId("confirm-analysis").click();
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/);
  const memoUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("analysis-detail")).toHaveAttribute("data-status", "succeeded", {
    timeout: 120_000,
  });
  const paid = await balanceOf(page);

  // Same file again: the free memo is the primary action, paying again a secondary one.
  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles(contract.file);
  const again = page.getByTestId("quote-card");
  const offer = again.getByTestId("duplicate-offer");
  await expect(offer).toBeVisible();
  await expect(offer).toContainText("You already analyzed this file");
  await expect(again.getByTestId("confirm-analysis")).toHaveText(/^Analyze again/);
  const open = offer.getByRole("link", { name: "Open the existing memo (free)" });
  await expect(open).toBeVisible();
  await open.click();
  await expect(page).toHaveURL(new RegExp(`${memoUrl}$`));
  await expect(page.getByTestId("analysis-detail")).toHaveAttribute("data-status", "succeeded");
  expect(await balanceOf(page)).toEqual(paid);

  // A one-word file: warned, and the confirm waits for the explicit acknowledgement.
  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles({
    name: "hello.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Hello"),
  });
  const word = page.getByTestId("quote-card");
  await expect(word.getByTestId("not-a-contract-warning")).toBeVisible();
  await expect(word.getByTestId("not-a-contract-warning")).toContainText(
    "This does not look like a contract",
  );
  const confirmButton = word.getByTestId("confirm-analysis");
  await expect(confirmButton).toBeDisabled();
  await word.getByLabel(/Analyze anyway/).check();
  await expect(confirmButton).toBeEnabled();
  expect(await balanceOf(page)).toEqual(paid);

  // The duplicate left as a draft and confirmed from "My analyses": refused with nothing held,
  // then the same two choices — open the memo for free, or pay again on purpose.
  await page.goto("/analyses");
  const draftConfirm = page
    .getByTestId("drafts")
    .getByTestId("analysis-row")
    .filter({ hasText: contract.name })
    .getByTestId("confirm-analysis");
  await draftConfirm.click();
  const refusal = page.getByTestId("confirm-error");
  await expect(refusal).toContainText("You already have a memo of this file");
  expect(await balanceOf(page)).toEqual(paid);
  await expect(refusal.getByTestId("open-existing-analysis")).toHaveAttribute("href", memoUrl);
  await refusal.getByTestId("confirm-anyway").click();
  await expect(refusal).toHaveCount(0);
  await expect
    .poll(async () => (await balanceOf(page)).held + (await balanceOf(page)).spent)
    .toBeGreaterThan(paid.held + paid.spent);
});
